using System.Globalization;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// Time in insats in bands of whole months from the configured upper bounds (inclusive): [3, 6, 12] gives
/// "0-3" (≤3 mån), "4-6", "7-12" and an open "13+" (mer än 12 mån).
/// </summary>
internal sealed class ProfileTimeBands
{
    private readonly IReadOnlyList<int> _bounds;

    private ProfileTimeBands(IReadOnlyList<int> bounds, IReadOnlyList<CodeLabel> bands)
    {
        _bounds = bounds;
        Bands = bands;
    }

    public IReadOnlyList<CodeLabel> Bands { get; }

    public string BandOf(int months)
    {
        for (var i = 0; i < _bounds.Count; i++)
        {
            if (months <= _bounds[i])
            {
                return Bands[i].Code;
            }
        }

        return Bands[^1].Code;
    }

    /// <exception cref="ArgumentException">No bound, a negative one, or bounds that don't increase.</exception>
    public static ProfileTimeBands Of(IReadOnlyList<int> bounds)
    {
        if (bounds.Count == 0 || bounds[0] < 0 || bounds.Zip(bounds.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            throw new ArgumentException(
                $"Gränserna för tid i insats ({string.Join(", ", bounds)}) går inte att använda: ange minst en gräns i hela månader, "
                + "växande och inte negativa (t.ex. 3, 6, 9, 12).", nameof(bounds));
        }

        var bands = new List<CodeLabel>();
        var low = 0;
        foreach (var high in bounds)
        {
            bands.Add(low == 0
                ? new CodeLabel(Invariant($"0-{high}"), Invariant($"≤{high} mån"))
                : new CodeLabel(Invariant($"{low}-{high}"), low == high ? Invariant($"{high} mån") : Invariant($"{low}–{high} mån")));
            low = high + 1;
        }

        bands.Add(new CodeLabel(Invariant($"{low}+"), Invariant($"Mer än {low - 1} mån")));
        return new ProfileTimeBands(bounds, bands);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
