using Finsam.Reporting.Domain.Insatser;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Reports;

/// <summary>What every section calculator gets: the read models, the scope (one insats or all) and the period.</summary>
/// <param name="InsatsId">Null: the whole förbund.</param>
public sealed record ReportInput(ReportingModel Model, string? InsatsId, ReportPeriod Period, ReportSettings Settings)
{
    public InsatsFacts? Insats => InsatsId is null ? null : Model.Insatser.Find(InsatsId);

    public bool IsForbund => InsatsId is null;

    public bool InScope(string? insatsId) => InsatsId is null || string.Equals(InsatsId, insatsId, StringComparison.Ordinal);

    /// <summary>The stays of the scope whose start has arrived (parked ones are in no figure).</summary>
    public IEnumerable<Stay> CountedStays => Model.Stays.Stays.Where(s => !s.IsParked && InScope(s.InsatsId));
}
