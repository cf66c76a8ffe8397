using System.Text.Json.Serialization;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Plans;

/// <summary>A plan's reported facts as they now stand (PlanRecorded, or the latest PlanCorrected).</summary>
/// <param name="GoalKind">"work" or "studies".</param>
/// <param name="WithinDeadline">As Participants computed it for the stay's first plan that counts; null without a deadline.</param>
public sealed record PlanFacts(DateOnly RecordedOn, string GoalKind, DateOnly? ReviewDate, bool? WithinDeadline);

/// <summary>
/// One plan. The facts keep their version (the latest recording or correction wins); a retraction is a fact of its
/// own, kept with its version rather than deleting the plan, so a PlanRecorded that arrives after its retraction
/// can't bring the plan back. No event takes a retraction back, so once retracted a plan never counts again.
/// </summary>
public sealed record PlanRecord(string PlanId)
{
    public PlanFacts? Facts { get; init; }
    public FactVersion? Version { get; init; }
    public FactVersion? Retraction { get; init; }

    [JsonIgnore]
    public bool Retracted => Retraction is not null;

    /// <summary>Known (its recording or a correction has arrived) and not retracted.</summary>
    [JsonIgnore]
    public bool Counts => Facts is not null && !Retracted;
}

/// <summary>The plans of one enrolment (stay), by plan id.</summary>
public sealed record EnrolmentPlans(string EnrolmentId)
{
    [JsonConverter(typeof(SortedMapConverter<PlanRecord>))]
    public IReadOnlyDictionary<string, PlanRecord> Plans { get; init; } = SortedMap<PlanRecord>.Empty;

    /// <summary>The plans that count, earliest first (a tie on the day by plan id, so the order never depends on arrival).</summary>
    public IEnumerable<PlanRecord> Counting() =>
        Plans.Values.Where(p => p.Counts).OrderBy(p => p.Facts!.RecordedOn).ThenBy(p => p.PlanId, StringComparer.Ordinal);

    /// <summary>The stay's first plan that counts: the one the plan deadline is judged on; null when none counts.</summary>
    public PlanRecord? FirstCounting() => Counting().FirstOrDefault();

    /// <summary>True when a plan that counts was recorded on or before <paramref name="day"/>.</summary>
    public bool HasPlanBy(DateOnly day) => Plans.Values.Any(p => p.Counts && p.Facts!.RecordedOn <= day);
}
