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

/// <summary>The flow figures of a scope for a period and the one before it (<see cref="Reports.Sections.FlowsCalculator.Counts"/>).</summary>
/// <param name="Parked">
/// Stays of the insats (all insatser when none is given) whose start hasn't arrived: left out of every figure, counted
/// here so the report can say so. Not tied to a period: without a start we can't place them.
/// </param>
public sealed record StayCounts(string? InsatsId, PeriodCounts Current, PeriodCounts Previous, int Parked);
