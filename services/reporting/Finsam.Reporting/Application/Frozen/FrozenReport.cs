using Finsam.Reporting.Domain.Reports;

namespace Finsam.Reporting.Application.Frozen;

/// <summary>
/// A year's report as approved (fastställd): exact, kept whole, never recomputed. Later corrections change the
/// current report, not this one; a diff shows what moved since.
/// </summary>
/// <param name="InsatsId">Null: the förbund's report.</param>
public sealed record FrozenReport(string FrozenReportId, string? InsatsId, int Year, DateTime FreezeTime, string FrozenBy, AnnualReport Report);

/// <summary>A frozen report without its figures, for lists.</summary>
public sealed record FrozenReportHeader(string FrozenReportId, string? InsatsId, int Year, DateTime FreezeTime, string FrozenBy);
