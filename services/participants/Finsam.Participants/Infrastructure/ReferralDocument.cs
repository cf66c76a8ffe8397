using Finsam.Platform.Outbox;
using Finsam.Platform.Storage;

namespace Finsam.Participants.Infrastructure;

/// <summary>How a referral is stored, with its pending events (one write holds both).</summary>
public sealed class ReferralDocument : OutboxDocument
{
    public const string CollectionName = "referrals";

    public string ParticipantId { get; set; } = "";

    public string InsatsId { get; set; } = "";

    public string Agency { get; set; } = "";

    public string Purpose { get; set; } = "";

    public string Handlaggare { get; set; } = "";

    public string AgencyReference { get; set; } = "";

    /// <summary>ISO date (yyyy-MM-dd), as text so no time zone can shift the day.</summary>
    public string ReceivedOn { get; set; } = "";

    public string Status { get; set; } = "";

    public DateTime? QueuedAt { get; set; }

    public string? DeclineReason { get; set; }

    public string? DeclineNote { get; set; }

    public bool OverCapacity { get; set; }

    public DateTime? DecidedAt { get; set; }

    public ActorDocument? DecidedBy { get; set; }

    public bool PlaceReleased { get; set; }

    public DateTime CreatedAt { get; set; }

    public ActorDocument CreatedBy { get; set; } = new();

    /// <summary>The client's request id (or "auto:{id}"); unique index, so a retry can't make a second referral.</summary>
    public string RequestId { get; set; } = "";
}

/// <summary>The holders of one insats' places; id = the insats id. See Application/Referrals/InsatsPlaces.</summary>
public sealed class InsatsPlacesDocument : IDocument
{
    public const string CollectionName = "referral_places";

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public List<PlaceHoldDocument> Holds { get; set; } = [];
}

public sealed class PlaceHoldDocument
{
    public string ReferralId { get; set; } = "";

    public DateTime ClaimedAt { get; set; }
}
