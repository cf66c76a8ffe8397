using System.Runtime.InteropServices;
using Finsam.IntegrationEvents.Participants.V1;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>One code of a closed list and its Swedish label.</summary>
internal sealed record CodeLabel(string Code, string Label);

/// <summary>
/// Turns per-stay codes into the rows of a table: every code of the closed list in the list's order, zero rows
/// included so a table has the same lines every year; a code the list doesn't know (an event written before a
/// code was renamed) is kept, after the known ones, under its own code, so no stay silently drops out of a sum.
/// </summary>
internal static class SectionRows
{
    public const string Unknown = "okand";
    public const string UnknownLabel = "Okänd";

    public static readonly IReadOnlyList<CodeLabel> Genders =
        [new(ParticipantGenders.Woman, "Kvinnor"), new(ParticipantGenders.Man, "Män"), new(ParticipantGenders.Other, "Annat")];

    /// <summary>
    /// The codes of one of <see cref="ParticipantCodes"/>' lists in their written order (a Dictionary that is never
    /// removed from enumerates in insertion order).
    /// </summary>
    public static IReadOnlyList<CodeLabel> InOrder(IReadOnlyDictionary<string, string> codes) =>
        codes.Select(pair => new CodeLabel(pair.Key, pair.Value)).ToList();

    /// <summary>The list with an "okand" / "Okänd" row last, for a fact that may be missing.</summary>
    public static IReadOnlyList<CodeLabel> WithUnknown(IReadOnlyList<CodeLabel> codes) =>
        codes.Any(c => c.Code == Unknown) ? codes : [.. codes, new CodeLabel(Unknown, UnknownLabel)];

    /// <summary>True when the code at <paramref name="index"/> is also earlier in the list (ordinal): it was counted there.</summary>
    public static bool SeenBefore(IReadOnlyList<string> codes, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (string.Equals(codes[j], codes[index], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The list's codes in order, then the <paramref name="seen"/> codes it doesn't know (ordinal), labelled by their code.</summary>
    public static IReadOnlyList<CodeLabel> RowsOf(IReadOnlyList<CodeLabel> codes, IEnumerable<string> seen)
    {
        var known = codes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var extra = seen.Where(code => !known.Contains(code)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. codes, .. extra.Select(code => new CodeLabel(code, code))];
    }

    /// <summary>A distribution of counted rows over <paramref name="denominator"/> items.</summary>
    public static Distribution Distribution(
        IReadOnlyList<CodeLabel> codes, int denominator, IReadOnlyList<(CodeLabel Code, int Count)> rows, string denominatorLabel, bool multiValued) =>
        new(Count.Of(denominator), denominatorLabel, multiValued,
            [.. rows.Select(row => new Tally(row.Code.Code, row.Code.Label, Count.Of(row.Count), Percent.Of(row.Count, denominator)))]);

    /// <summary>Range and mean (one decimal, half away from zero) of the values; all null when there are none.</summary>
    public static NumberSummary Summary(IEnumerable<int> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return new NumberSummary(Count.Zero, null, null, null);
        }

        var mean = Math.Round((decimal)list.Sum(v => (long)v) / list.Count, 1, MidpointRounding.AwayFromZero);
        return new NumberSummary(Count.Of(list.Count), list.Min(), list.Max(), mean);
    }
}

/// <summary>Counts by gender: women, men and everyone else ("other" and any gender code this version doesn't know), counted as they come.</summary>
internal sealed class GenderTally
{
    public int Women { get; private set; }
    public int Men { get; private set; }
    public int Other { get; private set; }
    public int Total => Women + Men + Other;

    public void Add(string? gender) => Add(gender, 1);

    public void Add(string? gender, int times)
    {
        switch (gender)
        {
            case ParticipantGenders.Woman: Women += times; break;
            case ParticipantGenders.Man: Men += times; break;
            default: Other += times; break;
        }
    }

    public GenderCounts ToCounts() => new(Count.Of(Women), Count.Of(Men), Count.Of(Other), Count.Of(Total));
}

/// <summary>
/// A table's rows counted item by item, as they come (no list of every item's codes): how many items have each code,
/// an item with a code twice counting once in that row (multi-valued facts put an item in several rows).
/// </summary>
internal sealed class CodeCounts
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>How many items were added (the denominator).</summary>
    public int Items { get; private set; }

    /// <summary>An item with one code.</summary>
    public void Add(string code)
    {
        Items++;
        CollectionsMarshal.GetValueRefOrAddDefault(_counts, code, out _)++;
    }

    /// <summary>An item with any number of codes (a multi-valued fact): each distinct code once.</summary>
    public void AddEach(IReadOnlyList<string> codes)
    {
        Items++;
        for (var i = 0; i < codes.Count; i++)
        {
            if (!SectionRows.SeenBefore(codes, i))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_counts, codes[i], out _)++;
            }
        }
    }

    /// <summary>The rows: the list's codes in order, then unknown codes seen (ordinal), each with its count.</summary>
    public IReadOnlyList<(CodeLabel Code, int Count)> Rows(IReadOnlyList<CodeLabel> codes) =>
        [.. SectionRows.RowsOf(codes, _counts.Keys).Select(c => (c, _counts.GetValueOrDefault(c.Code)))];

    public Distribution ToDistribution(IReadOnlyList<CodeLabel> codes, string denominatorLabel, bool multiValued = false) =>
        SectionRows.Distribution(codes, Items, Rows(codes), denominatorLabel, multiValued);
}
