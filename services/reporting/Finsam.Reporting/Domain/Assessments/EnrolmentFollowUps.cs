using System.Text.Json.Serialization;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Assessments;

/// <summary>
/// One follow-up contact (uppföljning) after a stay ended: its day as it now stands, and its retraction kept as a
/// fact so a late-arriving recording can't revive it.
/// </summary>
public sealed record FollowUpRecord(string FollowUpId)
{
    public DateOnly? ContactOn { get; init; }
    public FactVersion? Version { get; init; }
    public FactVersion? Retraction { get; init; }

    [JsonIgnore]
    public bool Retracted => Retraction is not null;

    [JsonIgnore]
    public bool Counts => ContactOn is not null && !Retracted;
}

/// <summary>The follow-up contacts of one enrolment, by follow-up id.</summary>
public sealed record EnrolmentFollowUps(string EnrolmentId)
{
    [JsonConverter(typeof(SortedMapConverter<FollowUpRecord>))]
    public IReadOnlyDictionary<string, FollowUpRecord> FollowUps { get; init; } = SortedMap<FollowUpRecord>.Empty;

    public IEnumerable<FollowUpRecord> Counting() =>
        FollowUps.Values.Where(f => f.Counts).OrderBy(f => f.ContactOn).ThenBy(f => f.FollowUpId, StringComparer.Ordinal);
}
