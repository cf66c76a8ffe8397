using Finsam.Reporting.Domain.Insatser;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Reports.Sections;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Reports;

/// <summary>What every section calculator gets: the read models, the scope (one insats or all) and the period.</summary>
/// <param name="InsatsId">Null: the whole förbund.</param>
/// <remarks>
/// The scope's counted stays are worked out once per input, as one <see cref="StayTable"/> every section shares (the
/// stay sets below are views of it): at the benchmark's 150,000 stays, a dozen sections each walking every stay
/// again, and hashing participant ids per figure, was most of a report's time. An input is made for one report, under
/// the model's lock; the model must not change while it is in use (it never does: the projector applies events only
/// outside that lock). A copy made with <c>with</c> starts without them, and equality is that of the four parameters.
/// </remarks>
public sealed record ReportInput(ReportingModel Model, string? InsatsId, ReportPeriod Period, ReportSettings Settings)
{
    private StayTable? _table;
    private IReadOnlyList<Stay>? _active;
    private IReadOnlyList<Stay>? _ended;
    private IReadOnlyList<Stay>? _endedInStatistics;

    private ReportInput(ReportInput original)
    {
        Model = original.Model;
        InsatsId = original.InsatsId;
        Period = original.Period;
        Settings = original.Settings;
    }

    public InsatsFacts? Insats => InsatsId is null ? null : Model.Insatser.Find(InsatsId);

    public bool IsForbund => InsatsId is null;

    public bool InScope(string? insatsId) => InsatsId is null || string.Equals(InsatsId, insatsId, StringComparison.Ordinal);

    /// <summary>The stays of the scope whose start has arrived (parked ones are in no figure).</summary>
    public IReadOnlyList<Stay> CountedStays => Table.Stays;

    /// <summary>The counted stays active at any time in the period (<see cref="StayTable.IsActiveIn"/>), anonymous ones included.</summary>
    public IReadOnlyList<Stay> ActiveStays => _active ??= Table.StaysOf(Table.Active);

    /// <summary>The counted stays ended in the period (<see cref="StayTable.EndedIn"/>), anonymous ones included.</summary>
    public IReadOnlyList<Stay> EndedStays => _ended ??= Table.StaysOf(Table.Ended);

    /// <summary><see cref="EndedStays"/> without the anonymous ones: the individual-level sections' stays.</summary>
    public IReadOnlyList<Stay> EndedInStatistics => _endedInStatistics ??= Table.StaysOf(Table.EndedInStatistics);

    /// <summary>The scope's counted stays as the table the sections count from, worked out on first use.</summary>
    internal StayTable Table => _table ??= StayTable.Of(this);

    public bool Equals(ReportInput? other) =>
        other is not null
        && ReferenceEquals(Model, other.Model)
        && string.Equals(InsatsId, other.InsatsId, StringComparison.Ordinal)
        && Period == other.Period
        && ReferenceEquals(Settings, other.Settings);

    public override int GetHashCode() => HashCode.Combine(Model, InsatsId, Period, Settings);
}
