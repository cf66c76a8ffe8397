using Finsam.Platform.Errors;

namespace Finsam.Platform.Validation;

/// <summary>
/// The one rule for text people type into the service (names, purposes, plans, notes, reasons, survey
/// wording): trimmed, length-capped, and printable. Control characters are refused because they break
/// logs, exports and the one-line fields they are shown in; a multi-line text keeps its line breaks (a
/// Windows "\r\n" is stored as "\n", so one text has one spelling). A lone UTF-16 surrogate is refused as
/// well: it is not a character at all, and it turns into U+FFFD or an exception when the text is encoded.
/// </summary>
public static class FreeText
{
    /// <summary>
    /// The trimmed text, "" when it is absent and not <paramref name="required"/>, or null with one Swedish
    /// violation on <paramref name="field"/> (missing, too long, or a character that isn't allowed).
    /// </summary>
    /// <param name="label">What the field is, as the start of a Swedish sentence ("Syftet med remissen").</param>
    /// <param name="maxLength">In UTF-16 code units, counted after trimming and after "\r\n" became "\n".</param>
    /// <param name="multiline">Whether line breaks are allowed; no other control character ever is.</param>
    public static string? Validate(
        string? value, string field, string label, int maxLength, bool required, bool multiline, List<FieldViolation> violations)
    {
        var text = value ?? "";
        if (multiline)
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            if (required)
            {
                violations.Add(new FieldViolation(field, $"{label} saknas."));
                return null;
            }

            return "";
        }

        if (trimmed.Length > maxLength)
        {
            violations.Add(new FieldViolation(field, $"{label} får vara högst {maxLength} tecken."));
            return null;
        }

        if (!IsPrintable(trimmed, multiline))
        {
            violations.Add(new FieldViolation(
                field,
                multiline
                    ? $"{label} innehåller otillåtna tecken: radbrytningar går bra, men inte tabbar eller andra styrtecken."
                    : $"{label} innehåller otillåtna tecken: skriv på en rad, utan radbrytningar, tabbar eller andra styrtecken."));
            return null;
        }

        return trimmed;
    }

    /// <summary>
    /// True when <paramref name="text"/> has no control character (other than "\n" when
    /// <paramref name="multiline"/>) and no lone surrogate. Doesn't trim or normalise line breaks.
    /// </summary>
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
}
