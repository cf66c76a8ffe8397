using System.Globalization;

namespace Finsam.Platform.Time;

/// <summary>
/// Days of the domain as ISO text ("yyyy-MM-dd"): how both stores keep them (text, so no time zone can shift the
/// day) and how messages show them. Invariant culture, so a host's calendar or separators never change the text.
/// </summary>
public static class IsoDates
{
    public const string Format = "yyyy-MM-dd";

    public static string ToIso(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static DateOnly FromIso(string value) => DateOnly.ParseExact(value, Format, CultureInfo.InvariantCulture);

    public static DateOnly? FromIsoOrNull(string? value) => string.IsNullOrEmpty(value) ? null : FromIso(value);
}
