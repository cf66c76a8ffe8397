using Finsam.Platform.Errors;

namespace Finsam.Activities.Application.Validation;

/// <summary>
/// The ids a request names (a participant, a booking, a träff). Each method adds a violation naming the request's
/// field (proto snake_case) with a Swedish description and returns the cleaned value, or null.
/// </summary>
public static class InputIds
{
    public const int MaxIdLength = 64;

    /// <summary>
    /// A participant id from the participants service: a UUID, returned in its canonical lowercase form so the same
    /// person is one key however the caller spelled it.
    /// </summary>
    public static string? ParticipantId(string? value, string field, List<FieldViolation> violations)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            violations.Add(new FieldViolation(field, "Deltagar-id saknas."));
            return null;
        }

        if (trimmed.Length > MaxIdLength || !Guid.TryParse(trimmed, out var id))
        {
            violations.Add(new FieldViolation(field, "Deltagar-id är ogiltigt: ange deltagarens id från deltagarregistret."));
            return null;
        }

        return id.ToString();
    }

    /// <summary>An id of something inside the group (a booking, a träff): present and at most 64 characters without spaces.</summary>
    public static string? Id(string? value, string field, string label, List<FieldViolation> violations)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            violations.Add(new FieldViolation(field, $"{label} saknas."));
            return null;
        }

        if (trimmed.Length > MaxIdLength || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            violations.Add(new FieldViolation(field, $"{label} är ogiltigt."));
            return null;
        }

        return trimmed;
    }
}
