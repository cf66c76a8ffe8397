namespace Finsam.Platform.Outbox;

/// <summary>
/// An event waiting inside its aggregate's document. It is written in the same single-document write as
/// the state change, so the change and the event are stored together or not at all.
/// </summary>
public sealed class OutboxEntry
{
    /// <summary>Becomes the message id on the bus; consumers deduplicate on it.</summary>
    public string MessageId { get; set; } = "";

    /// <summary>Full CLR name of the integration event type.</summary>
    public string MessageType { get; set; } = "";

    /// <summary>The event as JSON.</summary>
    public string Payload { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    public string? CorrelationId { get; set; }
}
