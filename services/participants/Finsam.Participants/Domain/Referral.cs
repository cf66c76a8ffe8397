using Finsam.Platform.Ids;

namespace Finsam.Participants.Domain;

/// <summary>
/// A referral (remiss / anvisning): an agency asks an insats to take a person. Its life:
/// received → accepted / declined / withdrawn, or received → queued when the insats' places are full,
/// and queued → accepted / declined / withdrawn. An accepted referral holds one of the insats' places
/// until the stay ends (<see cref="PlaceReleased"/>) or the agency withdraws it. The transitions' rules
/// (who, when, the queue) are in Application/Referrals; this class only records where it stands.
/// </summary>
public sealed class Referral
{
    public required string Id { get; init; }

    public required string ParticipantId { get; init; }

    public required string InsatsId { get; init; }

    /// <summary>The referring agency: "fk", "af", "kommun", "region" or "annan".</summary>
    public required string Agency { get; init; }

    public required string Purpose { get; init; }

    /// <summary>The referring handläggare as the agency names them; empty when not given.</summary>
    public required string Handlaggare { get; init; }

    /// <summary>The agency's own case number or reference; empty when not given.</summary>
    public required string AgencyReference { get; init; }

    /// <summary>The day the insats received the referral.</summary>
    public required DateOnly ReceivedOn { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required Actor CreatedBy { get; init; }

    public string Status { get; private set; } = ReferralStatuses.Received;

    /// <summary>When it joined its insats' queue; the queue is ordered by this (then by id).</summary>
    public DateTime? QueuedAt { get; private set; }

    /// <summary>A code of ReferralDeclineReasons once declined.</summary>
    public string? DeclineReason { get; private set; }

    /// <summary>Free text the insats added to the decline; stays in this service.</summary>
    public string? DeclineNote { get; private set; }

    /// <summary>Accepted beyond the insats' budgeted places, by an explicit decision.</summary>
    public bool OverCapacity { get; private set; }

    /// <summary>When it was accepted, declined or withdrawn.</summary>
    public DateTime? DecidedAt { get; private set; }

    public Actor? DecidedBy { get; private set; }

    /// <summary>The stay that came from this accepted referral has ended, so its place is free again.</summary>
    public bool PlaceReleased { get; private set; }

    /// <summary>The etag: the stored version this was read at.</summary>
    public long Version { get; set; }

    public bool IsOpen => Status is ReferralStatuses.Received or ReferralStatuses.Queued;

    /// <summary>Places in use of an insats are exactly its referrals for which this holds.</summary>
    public bool HoldsPlace => Status == ReferralStatuses.Accepted && !PlaceReleased;

    public void Queue(DateTime at)
    {
        Status = ReferralStatuses.Queued;
        QueuedAt = at;
    }

    public void Accept(bool overCapacity, DateTime at, Actor by)
    {
        Status = ReferralStatuses.Accepted;
        OverCapacity = overCapacity;
        Decided(at, by);
    }

    public void Decline(string reason, string? note, DateTime at, Actor by)
    {
        Status = ReferralStatuses.Declined;
        DeclineReason = reason;
        DeclineNote = note;
        Decided(at, by);
    }

    public void Withdraw(DateTime at, Actor by)
    {
        Status = ReferralStatuses.Withdrawn;
        Decided(at, by);
    }

    public void ReleasePlace() => PlaceReleased = true;

    /// <summary>Rebuilds a stored referral; only the store adapter calls this.</summary>
    public void Restore(string status, DateTime? queuedAt, string? declineReason, string? declineNote, bool overCapacity, DateTime? decidedAt, Actor? decidedBy, bool placeReleased)
    {
        Status = status;
        QueuedAt = queuedAt;
        DeclineReason = declineReason;
        DeclineNote = declineNote;
        OverCapacity = overCapacity;
        DecidedAt = decidedAt;
        DecidedBy = decidedBy;
        PlaceReleased = placeReleased;
    }

    /// <summary>A new, time-ordered id that says nothing about the person.</summary>
    public static string NewId() => SequentialIds.Next();

    private void Decided(DateTime at, Actor by)
    {
        DecidedAt = at;
        DecidedBy = by;
    }
}

/// <summary>The states of a referral as the API and the store spell them.</summary>
public static class ReferralStatuses
{
    public const string Received = "received";
    public const string Queued = "queued";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Withdrawn = "withdrawn";
}
