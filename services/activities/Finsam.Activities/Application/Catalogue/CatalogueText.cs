using Finsam.Platform.Errors;

namespace Finsam.Activities.Application.Catalogue;

/// <summary>
/// Text that people type into the catalogue, formats and leader registry (names, målgrupp, themes, statements):
/// trimmed, length-capped and printable. Control characters are refused because they break the one-line places
/// the text is shown in (lists, calendar entries, reports); a multi-line text keeps "\n" ("\r\n" becomes "\n").
/// A lone UTF-16 surrogate is refused too: it isn't a character and fails when the text is encoded.
/// </summary>
public static class CatalogueText
{
    /// <summary>The trimmed text ("" when absent and optional), or null with one Swedish violation on <paramref name="field"/>.</summary>
    /// <param name="label">What the field is, as the start of a Swedish sentence ("Insatsens namn").</param>
    public static string? Validate(
        string? value, string field, string label, int maxLength, bool required, List<FieldViolation> violations, bool multiline = false)
    {
        var text = value ?? "";
        if (multiline)
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                violations.Add(new FieldViolation(field, $"{label} saknas."));
                return null;
            }

            return "";
        }

        if (text.Length > maxLength)
        {
            violations.Add(new FieldViolation(field, $"{label} får vara högst {maxLength} tecken."));
            return null;
        }

        if (!IsPrintable(text, multiline))
        {
            violations.Add(new FieldViolation(
                field,
                multiline
                    ? $"{label} innehåller otillåtna tecken: radbrytningar går bra, men inte tabbar eller andra styrtecken."
                    : $"{label} innehåller otillåtna tecken: skriv på en rad, utan radbrytningar, tabbar eller andra styrtecken."));
            return null;
        }

        return text;
    }

    public static bool IsPrintable(string text, bool multiline)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return false;
            }

            if (char.IsLowSurrogate(c) || (char.IsControl(c) && !(multiline && c == '\n')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Quotes what the caller sent in a message, cut so it can't flood a response or a log.</summary>
    public static string Echo(string value) => value.Length <= 40 ? value : value[..(char.IsHighSurrogate(value[39]) ? 39 : 40)] + "…";
}
