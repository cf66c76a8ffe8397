using Finsam.Platform.Outbox;

namespace Finsam.Participants.Infrastructure;

/// <summary>How a participant is stored: personal data here, and only here, plus its pending events.</summary>
public sealed class ParticipantDocument : OutboxDocument
{
    public const string CollectionName = "participants";

    /// <summary>12 digits; unique index.</summary>
    public string Personnummer { get; set; } = "";

    public string GivenName { get; set; } = "";

    public string FamilyName { get; set; } = "";

    /// <summary>"woman", "man" or "other".</summary>
    public string Gender { get; set; } = "";

    public int BirthYear { get; set; }

    public bool IsSamordningsnummer { get; set; }

    public DateTime RegisteredAt { get; set; }

    /// <summary>The client's request id (or "auto:{id}"); unique index, so a retry can't make a second record.</summary>
    public string RequestId { get; set; } = "";
}
