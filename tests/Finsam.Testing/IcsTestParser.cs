using System.Text;

namespace Finsam.Testing;

/// <summary>
/// A small iCalendar reader written independently of the writer, so a round trip proves the file is readable
/// by the rules of RFC 5545 rather than by the writer's own assumptions: it unfolds at byte level, decodes
/// UTF-8 strictly, and unescapes TEXT.
/// </summary>
public static class IcsTestParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public sealed record Property(string Name, IReadOnlyDictionary<string, string> Parameters, string RawValue)
    {
        public string Text => Unescape(RawValue);
    }

    public sealed record Component(string Name, IReadOnlyList<Property> Properties, IReadOnlyList<Component> Children)
    {
        public Property Single(string name) => Properties.Single(p => p.Name == name);

        public string? ValueOf(string name) => Properties.SingleOrDefault(p => p.Name == name)?.RawValue;

        public IEnumerable<Component> All(string name) => Children.Where(c => c.Name == name);
    }

    /// <summary>The physical lines as raw bytes, split on CRLF.</summary>
    public static IReadOnlyList<byte[]> PhysicalLines(byte[] file)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + 1 < file.Length; i++)
        {
            if (file[i] == (byte)'\r' && file[i + 1] == (byte)'\n')
            {
                lines.Add(file[start..i]);
                start = i + 2;
                i++;
            }
        }

        if (start != file.Length)
        {
            throw new FormatException("The file doesn't end with CRLF.");
        }

        return lines;
    }

    /// <summary>Unfolds (a line starting with space or tab continues the previous one) before decoding.</summary>
    public static IReadOnlyList<string> ContentLines(byte[] file)
    {
        var logical = new List<List<byte>>();
        foreach (var line in PhysicalLines(file))
        {
            if (line.Length > 0 && (line[0] == (byte)' ' || line[0] == (byte)'\t'))
            {
                logical[^1].AddRange(line[1..]);
            }
            else
            {
                logical.Add([.. line]);
            }
        }

        return logical.Select(bytes => StrictUtf8.GetString(bytes.ToArray())).ToList();
    }

    public static Component Parse(string calendar)
    {
        var lines = ContentLines(Encoding.UTF8.GetBytes(calendar));
        var position = 0;
        var root = ReadComponent(lines, ref position);
        if (position != lines.Count)
        {
            throw new FormatException("Content after END:VCALENDAR.");
        }

        return root;
    }

    private static Component ReadComponent(IReadOnlyList<string> lines, ref int position)
    {
        var begin = ParseLine(lines[position++]);
        if (begin.Name != "BEGIN")
        {
            throw new FormatException($"Expected BEGIN, got {begin.Name}.");
        }

        var properties = new List<Property>();
        var children = new List<Component>();
        while (true)
        {
            var property = ParseLine(lines[position]);
            if (property.Name == "BEGIN")
            {
                children.Add(ReadComponent(lines, ref position));
            }
            else if (property.Name == "END")
            {
                position++;
                if (property.RawValue != begin.RawValue)
                {
                    throw new FormatException($"END:{property.RawValue} closes BEGIN:{begin.RawValue}.");
                }

                return new Component(begin.RawValue, properties, children);
            }
            else
            {
                properties.Add(property);
                position++;
            }
        }
    }

    private static Property ParseLine(string line)
    {
        // Parameter values may be quoted and contain ':' or ';'; outside quotes the first ':' ends the name part.
        var inQuotes = false;
        var colon = -1;
        for (var i = 0; i < line.Length && colon < 0; i++)
        {
            if (line[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (line[i] == ':' && !inQuotes)
            {
                colon = i;
            }
        }

        if (colon < 0)
        {
            throw new FormatException($"No value in '{line}'.");
        }

        var nameAndParameters = line[..colon].Split(';');
        var parameters = nameAndParameters.Skip(1)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Trim('"'));
        return new Property(nameAndParameters[0], parameters, line[(colon + 1)..]);
    }

    private static string Unescape(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is ';' or ',')
            {
                throw new FormatException($"Unescaped '{value[i]}' in a TEXT value: '{value}'.");
            }

            if (value[i] != '\\')
            {
                text.Append(value[i]);
                continue;
            }

            var next = value[++i];
            text.Append(next switch
            {
                'n' or 'N' => '\n',
                '\\' or ';' or ',' => next,
                _ => throw new FormatException($"Unknown escape \\{next}."),
            });
        }

        return text.ToString();
    }
}
