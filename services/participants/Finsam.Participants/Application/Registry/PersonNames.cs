using Finsam.Participants.Application.Validation;
using Finsam.Platform.Errors;
using Finsam.Platform.Validation;

namespace Finsam.Participants.Application.Registry;

/// <summary>Given and family names: required, one line, at most <see cref="MaxLength"/> characters.</summary>
public static class PersonNames
{
    public const int MaxLength = 100;

    /// <summary>The trimmed name, or null with a violation on <paramref name="field"/>.</summary>
    public static string? Validate(string? value, string field, string label, List<FieldViolation> violations) =>
        FreeText.Validate(value, field, label, MaxLength, required: true, multiline: false, violations);
}
