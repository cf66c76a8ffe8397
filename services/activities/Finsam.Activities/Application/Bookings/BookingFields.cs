using Finsam.Platform.Errors;

namespace Finsam.Activities.Application.Bookings;

/// <summary>
/// Validation shared by the booking and attendance handlers. Each method adds a violation naming the request's
/// field (proto snake_case) with a Swedish description and returns the cleaned value, or null.
/// </summary>
public static class BookingFields
{
    public const int MaxIdLength = 64;
    public const int MaxTextLength = 500;

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

    /// <summary>
    /// Words a person types (a note, a reason): trimmed, at most 500 characters, line breaks allowed but no other
    /// control characters. "" when absent and not required.
    /// </summary>
    public static string? Text(string? value, string field, string label, bool required, List<FieldViolation> violations)
    {
        var trimmed = (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (trimmed.Length == 0)
        {
            if (required)
            {
                violations.Add(new FieldViolation(field, $"{label} saknas."));
                return null;
            }

            return "";
        }

        if (trimmed.Length > MaxTextLength)
        {
            violations.Add(new FieldViolation(field, $"{label} får vara högst {MaxTextLength} tecken."));
            return null;
        }

        if (trimmed.Any(c => char.IsControl(c) && c != '\n') || HasLoneSurrogate(trimmed))
        {
            violations.Add(new FieldViolation(field, $"{label} innehåller otillåtna tecken: radbrytningar går bra, men inte tabbar eller andra styrtecken."));
            return null;
        }

        return trimmed;
    }

    public static void ThrowIfAny(List<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
