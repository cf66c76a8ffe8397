using Finsam.Platform.Outbox;

namespace Finsam.Participants.Infrastructure;

/// <summary>How a participant is stored: personal data here, and only here, plus its pending events.</summary>
public sealed class ParticipantDocument : OutboxDocument
{
    public const string CollectionName = "participants";

    /// <summary>12 digits; unique index. After gallring "removed:{id}", which keeps the index unique.</summary>
    public string Personnummer { get; set; } = "";

    public string GivenName { get; set; } = "";

    public string FamilyName { get; set; } = "";

    /// <summary>"woman", "man" or "other".</summary>
    public string Gender { get; set; } = "";

    public int BirthYear { get; set; }

    public bool IsSamordningsnummer { get; set; }

    public bool ProtectedIdentity { get; set; }

    public DateTime RegisteredAt { get; set; }

    public ActorDocument RegisteredBy { get; set; } = new();

    public List<ConsentDocument> Consents { get; set; } = [];

    public List<CorrectionDocument> Corrections { get; set; } = [];

    public DateTime? IdentityRemovedAt { get; set; }

    /// <summary>The client's request id (or "auto:{id}"); unique index, so a retry can't make a second record.</summary>
    public string RequestId { get; set; } = "";
}

public sealed class ActorDocument
{
    public string Subject { get; set; } = "";

    public string Role { get; set; } = "";

    public string? Agency { get; set; }
}

public sealed class ConsentDocument
{
    public string Id { get; set; } = "";

    public List<string> Agencies { get; set; } = [];

    /// <summary>ISO date (yyyy-MM-dd): both stores keep it as text, so no time zone can shift the day.</summary>
    public string GivenOn { get; set; } = "";

    public string? WithdrawnOn { get; set; }

    public ActorDocument RecordedBy { get; set; } = new();

    public DateTime RecordedAt { get; set; }

    public string? RequestId { get; set; }
}

public sealed class CorrectionDocument
{
    public string Field { get; set; } = "";

    public string OldValue { get; set; } = "";

    public string NewValue { get; set; } = "";

    public ActorDocument ChangedBy { get; set; } = new();

    public DateTime ChangedAt { get; set; }

    public string Reason { get; set; } = "";
}
