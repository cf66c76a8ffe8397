using Finsam.Platform.Errors;
using Finsam.Platform.Validation;

namespace Finsam.Participants.Application.Validation;

/// <summary>
/// The one rule for ids a caller sends (participant, referral, enrolment, insats, consent, gallring run):
/// present, at most <see cref="MaxLength"/> characters, and no whitespace or control characters inside. Ids
/// are opaque to callers, so nothing stricter is assumed (insats ids come from the activities service);
/// surrounding whitespace is trimmed, as a pasted id often has it.
/// </summary>
public static class Ids
{
    public const int MaxLength = 64;

    /// <summary>
    /// The trimmed id, or null: when absent (with a violation only if <paramref name="required"/>) or when
    /// malformed (always with a violation on <paramref name="field"/>).
    /// </summary>
    /// <param name="label">The id's Swedish name as the start of a sentence, e.g. "Deltagar-id".</param>
    public static string? Validate(string? value, string field, string label, bool required, List<FieldViolation> violations)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            if (required)
            {
                violations.Add(new FieldViolation(field, $"{label} saknas."));
            }

            return null;
        }

        if (trimmed.Length > MaxLength)
        {
            violations.Add(new FieldViolation(field, $"{label} är för långt (högst {MaxLength} tecken)."));
            return null;
        }

        if (trimmed.Any(char.IsWhiteSpace) || !FreeText.IsPrintable(trimmed, multiline: false))
        {
            violations.Add(new FieldViolation(field, $"{label} är ogiltigt: ett id har inga mellanslag eller styrtecken."));
            return null;
        }

        return trimmed;
    }

    /// <summary>For a handler whose only input is the id: the trimmed id, or INVALID_ARGUMENT naming <paramref name="field"/>.</summary>
    public static string Require(string? value, string field, string label)
    {
        var violations = new List<FieldViolation>();
        return Validate(value, field, label, required: true, violations) ?? throw new ValidationFailedException(violations);
    }
}
