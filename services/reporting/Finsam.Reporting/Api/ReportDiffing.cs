using System.Text.Json.Nodes;
using Google.Protobuf;
using P = Finsam.Protos.Reporting.V1;

namespace Finsam.Reporting.Api;

/// <summary>
/// Frozen against current, figure by figure. Both reports are flattened from their JSON into path → value, with
/// list items keyed by what they are about (a code, an insats, a statement) rather than their position, so a new row
/// shows as one added figure instead of shifting every row after it.
/// </summary>
public static class ReportDiffing
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    /// <summary>Paths that say when and how the report was made, not what it says.</summary>
    private static readonly string[] Ignored = ["scope.asOfSequence", "protection"];

    public static IReadOnlyList<P.FigureChange> Diff(P.AnnualReport frozen, P.AnnualReport current)
    {
        var before = Flatten(frozen);
        var after = Flatten(current);
        var changes = new List<P.FigureChange>();
        foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            if (Ignored.Any(i => path == i || path.StartsWith(i + ".", StringComparison.Ordinal)))
            {
                continue;
            }

            before.TryGetValue(path, out var was);
            after.TryGetValue(path, out var now);
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                changes.Add(new P.FigureChange { Path = path, Frozen = was ?? "", Current = now ?? "" });
            }
        }

        return changes;
    }

    public static Dictionary<string, string> Flatten(P.AnnualReport report)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(JsonNode.Parse(Formatter.Format(report)), "", result);
        return result;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", into);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{KeyOf(array[i], i)}]", into);
                }

                break;
            case null:
                break;
            default:
                into[path] = node.ToJsonString();
                break;
        }
    }

    private static string KeyOf(JsonNode? item, int index)
    {
        if (item is not JsonObject obj)
        {
            return index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        string? Text(string name) => obj[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

        if (Text("fromCode") is { } from && Text("toCode") is { } to)
        {
            return $"{from}>{to}";
        }

        if (Text("questionCode") is { } question)
        {
            return $"{Text("instrumentId")}.v{obj["instrumentVersion"]}.{question}";
        }

        return Text("code") ?? Text("insatsId") ?? Text("statement") ?? Text("area") ?? Text("instrument")
            ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
