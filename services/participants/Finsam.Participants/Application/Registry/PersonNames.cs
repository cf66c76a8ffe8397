using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Registry;

public static class PersonNames
{
    public const int MaxLength = 100;

    /// <summary>The trimmed name, or null with a violation on <paramref name="field"/>.</summary>
    public static string? Validate(string? value, string field, string label, List<FieldViolation> violations)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            violations.Add(new FieldViolation(field, $"{label} saknas."));
            return null;
        }

        if (trimmed.Length > MaxLength)
        {
            violations.Add(new FieldViolation(field, $"{label} får vara högst {MaxLength} tecken."));
            return null;
        }

        if (trimmed.Any(char.IsControl))
        {
            violations.Add(new FieldViolation(field, $"{label} innehåller otillåtna tecken."));
            return null;
        }

        return trimmed;
    }
}
