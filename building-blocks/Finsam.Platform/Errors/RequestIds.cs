namespace Finsam.Platform.Errors;

/// <summary>The optional client request id that makes creates safe to retry.</summary>
public static class RequestIds
{
    /// <summary>
    /// The request id in canonical UUID form, or null when the caller sent none. A malformed one adds a
    /// violation on "request_id" and returns null.
    /// </summary>
    public static string? Parse(string? value, List<FieldViolation> violations)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Guid.TryParse(value, out var parsed))
        {
            return parsed.ToString();
        }

        violations.Add(new FieldViolation("request_id", "request_id ska vara ett UUID."));
        return null;
    }
}
