namespace Finsam.Platform.Errors;

/// <summary>One field that failed validation; the description is shown to users and is in Swedish.</summary>
/// <param name="Field">The request field's proto name, e.g. "personnummer" or "given_name".</param>
public sealed record FieldViolation(string Field, string Description);

/// <summary>Bad input: becomes INVALID_ARGUMENT with google.rpc.BadRequest (HTTP 400), naming each field.</summary>
public sealed class ValidationFailedException(IReadOnlyList<FieldViolation> violations)
    : Exception("Ogiltig begäran: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    /// <summary>Throws for the gathered violations, if there are any: validate every field first, then refuse once.</summary>
    public static void ThrowIfAny(IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }
    }
}
