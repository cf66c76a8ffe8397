using System.Globalization;

namespace Finsam.Platform.Errors;

/// <summary>
/// Optimistic concurrency as the API shows it: the etag is the stored version as text. A change sent with
/// an etag that is no longer current is refused (ABORTED / 409) instead of overwriting someone's work.
/// </summary>
public static class Etags
{
    public static string Of(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version the caller read, or null with a violation on "etag" when it's missing or malformed.</summary>
    public static long? Parse(string? etag, List<FieldViolation> violations)
    {
        if (string.IsNullOrEmpty(etag))
        {
            violations.Add(new FieldViolation("etag", "etag saknas: läs resursen och skicka med dess etag."));
            return null;
        }

        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            violations.Add(new FieldViolation("etag", "etag är ogiltig."));
            return null;
        }

        return version;
    }

    /// <summary>Throws ABORTED when the resource has changed since the caller read it.</summary>
    public static void EnsureCurrent(long sent, long current, string reason, string what)
    {
        if (sent != current)
        {
            throw new ConcurrencyConflictException(reason, $"{what} har ändrats sedan du läste den. Läs om och försök igen.");
        }
    }
}
