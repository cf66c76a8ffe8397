using System.Text;

namespace Finsam.Activities.Domain.Calendar;

/// <summary>The RFC 5545 text rules: escaping TEXT values and folding content lines at 75 octets.</summary>
public static class IcsText
{
    public const int MaxLineOctets = 75;
    public const string LineBreak = "\r\n";

    /// <summary>Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11).</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',': escaped.Append(@"\,"); break;
                case '\r':
                    // CRLF is one line break, not two.
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    escaped.Append(@"\n");
                    break;
                case '\n': escaped.Append(@"\n"); break;
                case '\t': escaped.Append(c); break;
                default:
                    // TEXT allows no other control characters; a stray one would make the whole feed invalid
                    // for strict clients, and it carries nothing a reader could see.
                    if (!char.IsControl(c))
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Appends one content line, folded so that no physical line exceeds 75 octets of UTF-8 (a continuation
    /// line's leading space counts), breaking only between characters so that a multi-byte character — å, ä,
    /// ö, an emoji — is never cut in half. Ends with CRLF.
    /// </summary>
    public static void AppendFolded(StringBuilder output, string contentLine)
    {
        var lineOctets = 0;
        foreach (var rune in contentLine.EnumerateRunes())
        {
            var runeOctets = rune.Utf8SequenceLength;
            if (lineOctets + runeOctets > MaxLineOctets)
            {
                output.Append(LineBreak).Append(' ');
                lineOctets = 1;
            }

            output.Append(rune.ToString());
            lineOctets += runeOctets;
        }

        output.Append(LineBreak);
    }
}
