using System.Text.Json.Serialization;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Assessments;

/// <summary>An assessment's reported facts as they now stand (AssessmentRecorded, or the latest AssessmentCorrected).</summary>
/// <param name="Kind">"staff" (DOA, AWP …) or "self" (the livshjul …).</param>
/// <param name="Phase">"start", "end" or "other".</param>
/// <param name="Scores">Per area for self-assessments (e.g. "somn" → 4); empty for staff assessments.</param>
public sealed record AssessmentFacts(
    string Kind,
    string Instrument,
    string InstrumentVersion,
    string Phase,
    DateOnly AssessedOn,
    [property: JsonConverter(typeof(SortedMapConverter<int>))] IReadOnlyDictionary<string, int> Scores)
{
    public const string Self = "self";
    public const string Staff = "staff";
    public const string StartPhase = "start";
    public const string EndPhase = "end";
}

/// <summary>
/// One assessment. Its facts keep their version; a retraction is kept as a fact with its own version, never a
/// deletion, so a recording that arrives after its retraction can't make it count again.
/// </summary>
public sealed record AssessmentRecord(string AssessmentId)
{
    public AssessmentFacts? Facts { get; init; }
    public FactVersion? Version { get; init; }
    public FactVersion? Retraction { get; init; }

    [JsonIgnore]
    public bool Retracted => Retraction is not null;

    [JsonIgnore]
    public bool Counts => Facts is not null && !Retracted;
}

/// <summary>
/// The assessments of one enrolment (stay), by assessment id, kept in ordinal id order (see <see cref="AssessmentBook"/>),
/// so the stored JSON never depends on the order the events arrived in.
/// </summary>
public sealed record EnrolmentAssessments(string EnrolmentId)
{
    [JsonConverter(typeof(SortedMapConverter<AssessmentRecord>))]
    public IReadOnlyDictionary<string, AssessmentRecord> Assessments { get; init; } = SortedMap<AssessmentRecord>.Empty;

    /// <summary>The assessments that count, by day then id (an order that never depends on arrival).</summary>
    public IEnumerable<AssessmentRecord> Counting() =>
        Assessments.Values.Where(a => a.Counts).OrderBy(a => a.Facts!.AssessedOn).ThenBy(a => a.AssessmentId, StringComparer.Ordinal);
}
