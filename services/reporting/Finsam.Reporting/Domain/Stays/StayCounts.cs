namespace Finsam.Reporting.Domain.Stays;

/// <summary>A figure counted per enrolment (as SUS did) and as unique persons.</summary>
/// <param name="Persons">
/// Distinct participant ids, plus one for every anonymous stay: an anonymous stay can't be matched to any other,
/// so it is taken to be its own person (an anonymous person back twice counts as two).
/// </param>
public sealed record StayCount(int Enrolments, int Persons);

/// <summary>The four flow figures for one period.</summary>
/// <param name="Active">Aktuella: enrolled at any time in the period (start ≤ to and (no end or end ≥ from)).</param>
/// <param name="Started">Nya: start date in the period.</param>
/// <param name="Ended">Avslutade: end date in the period.</param>
/// <param name="ActiveAtEnd">
/// Still enrolled on the period's last day: start ≤ to and (no end or end &gt; to). A stay that ends ON the last day
/// (31 December for a year) is not active at the end, as SUS counted aktuella at year end; it is ended in the period.
/// </param>
public sealed record PeriodCounts(ReportPeriod Period, StayCount Active, StayCount Started, StayCount Ended, StayCount ActiveAtEnd);

/// <param name="Parked">
/// Stays of the insats (all insatser when none is given) whose start hasn't arrived: left out of every figure, counted
/// here so the report can say so. Not tied to a period: without a start we can't place them.
/// </param>
public sealed record StayCounts(string? InsatsId, PeriodCounts Current, PeriodCounts Previous, int Parked)
{
    /// <summary>Counts the stays of <paramref name="insatsId"/> (null: all insatser) for the period and the one before it.</summary>
    public static StayCounts For(IEnumerable<Stay> stays, string? insatsId, ReportPeriod period)
    {
        var ofInsats = stays.Where(s => insatsId is null || string.Equals(s.InsatsId, insatsId, StringComparison.Ordinal)).ToList();
        var counted = ofInsats.Where(s => !s.IsParked).ToList();
        return new StayCounts(insatsId, CountPeriod(counted, period), CountPeriod(counted, period.Previous()), ofInsats.Count - counted.Count);
    }

    /// <summary>The four figures in one pass over the stays (the förbund's are 150,000 at the benchmark's scale).</summary>
    private static PeriodCounts CountPeriod(IReadOnlyList<Stay> stays, ReportPeriod p)
    {
        Tally active = new(), started = new(), ended = new(), activeAtEnd = new();
        foreach (var s in stays)
        {
            if (s.StartDate <= p.To && (s.EndDate is not { } end || end >= p.From))
            {
                active.Add(s);
            }

            if (s.StartDate >= p.From && s.StartDate <= p.To)
            {
                started.Add(s);
            }

            if (s.EndDate is { } ending && ending >= p.From && ending <= p.To)
            {
                ended.Add(s);
            }

            if (s.StartDate <= p.To && (s.EndDate is not { } last || last > p.To))
            {
                activeAtEnd.Add(s);
            }
        }

        return new(p, active.Count(), started.Count(), ended.Count(), activeAtEnd.Count());
    }

    /// <summary>Enrolments, and persons: distinct participant ids plus one per anonymous stay.</summary>
    private sealed class Tally
    {
        private readonly HashSet<string?> _known = new(StringComparer.Ordinal);
        private int _enrolments;
        private int _anonymous;

        public void Add(Stay stay)
        {
            _enrolments++;
            if (stay.Anonymous)
            {
                _anonymous++;
            }
            else
            {
                _known.Add(stay.ParticipantId);
            }
        }

        public StayCount Count() => new(_enrolments, _known.Count + _anonymous);
    }
}
