using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Referrals;

/// <summary>The free-text fields of referrals: trimmed, length-capped, no control characters except line breaks.</summary>
public static class ReferralTexts
{
    public const int PurposeMaxLength = 2000;
    public const int HandlaggareMaxLength = 200;
    public const int AgencyReferenceMaxLength = 100;
    public const int DeclineNoteMaxLength = 1000;

    /// <summary>The trimmed text ("" when optional and absent), or null with a violation on <paramref name="field"/>.</summary>
    public static string? Validate(string? value, string field, string label, int maxLength, bool required, List<FieldViolation> violations)
    {
        var trimmed = value?.Trim() ?? "";
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

        // Line breaks belong in a purpose written by a handläggare; other control characters don't.
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            violations.Add(new FieldViolation(field, $"{label} innehåller otillåtna tecken."));
            return null;
        }

        return trimmed;
    }
}
