using System.Globalization;
using Finsam.IntegrationEvents.Participants.V1;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// An insats' configured age bands ("15-29", "30-44", "45-64", "65+") as unions of the five-year bands every stay
/// carries (<see cref="ParticipantCodes.AgeBands"/>): a stay's age at its start is known only as its five-year band,
/// so a configured band must be made of whole five-year bands, and together the configured bands must cover all of
/// them once, youngest first. The first may start below 15 ("0-29"): the youngest five-year band holds everyone
/// under 20. A configuration that doesn't tile so is refused, never silently counted into the wrong band.
/// </summary>
internal sealed class ProfileAgeBands
{
    private readonly Dictionary<string, string> _bandOfFiveYear;

    private ProfileAgeBands(IReadOnlyList<CodeLabel> bands, Dictionary<string, string> bandOfFiveYear)
    {
        Bands = bands;
        _bandOfFiveYear = bandOfFiveYear;
    }

    /// <summary>The configured bands in order, with Swedish labels ("15–29 år", "60 år och äldre").</summary>
    public IReadOnlyList<CodeLabel> Bands { get; }

    /// <summary>The configured band a five-year band falls in; a band that isn't one of the five-year ones is returned as it is.</summary>
    public string BandOf(string? fiveYearBand) =>
        fiveYearBand is not null && _bandOfFiveYear.TryGetValue(fiveYearBand, out var band) ? band : fiveYearBand ?? SectionRows.Unknown;

    /// <exception cref="ArgumentException">The bands can't be read, or don't cover the five-year bands once each in order.</exception>
    public static ProfileAgeBands Of(IReadOnlyList<string> configured)
    {
        var fiveYear = ParticipantCodes.AgeBands.Select(b => (Code: b, Range: Parse(b) ?? throw new InvalidOperationException($"Five-year band {b}"))).ToList();
        var bands = new List<CodeLabel>();
        var bandOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var next = 0;
        foreach (var text in configured)
        {
            var code = text.Trim();
            var range = Parse(code) ?? throw Refused(configured, $"\"{text}\" är inte skrivet som \"15-29\" eller \"65+\"");
            if (next >= fiveYear.Count)
            {
                throw Refused(configured, $"\"{code}\" överlappar en tidigare grupp");
            }

            var expectedLow = fiveYear[next].Range.Low;
            if (next == 0 ? range.Low > expectedLow : range.Low != expectedLow)
            {
                throw Refused(configured, $"\"{code}\" ska börja vid {expectedLow} år");
            }

            var first = next;
            while (next < fiveYear.Count && (range.High is null || (fiveYear[next].Range.High is { } high && high <= range.High)))
            {
                bandOf[fiveYear[next].Code] = code;
                next++;
            }

            if (next == first || (range.High is { } end && fiveYear[next - 1].Range.High != end))
            {
                throw Refused(configured, $"\"{code}\" slutar inte vid en femårsgräns ({string.Join(", ", ParticipantCodes.AgeBands)})");
            }

            bands.Add(new CodeLabel(code, Label(range)));
        }

        if (next < fiveYear.Count)
        {
            throw Refused(configured, $"ingen grupp täcker {fiveYear[next].Code} år");
        }

        return new ProfileAgeBands(bands, bandOf);
    }

    private static string Label((int Low, int? High) range) =>
        range.High is { } high ? $"{range.Low}–{high} år" : $"{range.Low} år och äldre";

    private static (int Low, int? High)? Parse(string band)
    {
        if (band.EndsWith('+'))
        {
            return int.TryParse(band.AsSpan(0, band.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var open) ? (open, null) : null;
        }

        var parts = band.Split('-', '–');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var high)
            && low <= high
            ? (low, high)
            : null;
    }

    private static ArgumentException Refused(IReadOnlyList<string> configured, string why) =>
        new($"Åldersgrupperna {string.Join(", ", configured)} går inte att använda: {why}. Grupperna ska vara hela femårsgrupper "
            + "som tillsammans täcker alla åldrar en gång, yngst först och med en öppen sista grupp (t.ex. 15-29, 30-44, 45-64, 65+).",
            nameof(configured));
}
