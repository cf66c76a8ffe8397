using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Referrals;

/// <summary>The status codes a referral can have, in the order a referral normally moves through them.</summary>
public static class ReferralStatuses
{
    public const string Received = "received";
    public const string Queued = "queued";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Withdrawn = "withdrawn";

    /// <summary>
    /// Breaks a tie between two statuses that occurred at the same instant: the one further along wins (a referral is
    /// received, may be queued, then settled), so the pick is the same whatever order they arrived in.
    /// </summary>
    public static int Rank(string status) => status switch
    {
        Received => 0,
        Queued => 1,
        _ => 2,
    };
}

/// <summary>What <c>ReferralReceived</c> says: who (null with skyddade personuppgifter), to which insats, from which agency, when.</summary>
public sealed record ReferralReceivedFacts(string? ParticipantId, string InsatsId, string Agency, DateOnly ReceivedOn);

/// <summary>A status as one event set it; <see cref="DeclineReason"/> only with "declined" (a ReferralDeclineReasons code).</summary>
public sealed record ReferralStatusFact(string Status, string? DeclineReason, string InsatsId);

/// <summary>
/// One referral as reporting knows it. The received facts and the status are kept apart, each with the version of
/// the fact it holds: the status is the one that occurred last (whatever order the events arrived in), and a
/// ReferralReceived arriving after the decision leaves the decision standing. A referral heard of only through a
/// status event waits, parked, for its ReferralReceived.
/// </summary>
public sealed record Referral(string ReferralId)
{
    public ReferralReceivedFacts? Received { get; init; }
    public FactVersion? ReceivedVersion { get; init; }
    public ReferralStatusFact? StatusFact { get; init; }
    public FactVersion? StatusVersion { get; init; }

    /// <summary>No ReferralReceived yet: we don't know the agency or the day it came.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsParked => Received is null;

    [System.Text.Json.Serialization.JsonIgnore]
    public string? InsatsId => Received?.InsatsId ?? StatusFact?.InsatsId;

    [System.Text.Json.Serialization.JsonIgnore]
    public string? ParticipantId => Received?.ParticipantId;

    [System.Text.Json.Serialization.JsonIgnore]
    public string? Agency => Received?.Agency;

    [System.Text.Json.Serialization.JsonIgnore]
    public DateOnly? ReceivedOn => Received?.ReceivedOn;

    /// <summary>The latest status; "received" until a decision (or the queue) is heard of.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Status => StatusFact?.Status ?? ReferralStatuses.Received;

    [System.Text.Json.Serialization.JsonIgnore]
    public string? DeclineReason => StatusFact?.DeclineReason;
}
