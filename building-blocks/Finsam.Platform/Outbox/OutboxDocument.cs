using System.Text.Json;
using Finsam.IntegrationEvents;
using Finsam.Platform.Correlation;
using Finsam.Platform.Storage;

namespace Finsam.Platform.Outbox;

/// <summary>
/// Base for documents whose changes publish events. Pending events live in the document itself
/// (<see cref="Outbox"/>): one atomic write stores both, on LiteDB and on MongoDB without a replica set.
/// <see cref="OutboxPending"/> is an indexed flag so the dispatcher finds them without scanning.
/// </summary>
public abstract class OutboxDocument : IDocument
{
    public string Id { get; set; } = "";

    public long Version { get; set; }

    public List<OutboxEntry> Outbox { get; set; } = [];

    public bool OutboxPending { get; set; }

    /// <summary>Queues an event to be published after this document is written.</summary>
    public void Enqueue(IIntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        Outbox.Add(new OutboxEntry
        {
            MessageId = Guid.CreateVersion7().ToString(),
            MessageType = IntegrationEventTypes.NameOf(type),
            Payload = JsonSerializer.Serialize(integrationEvent, type, OutboxJson.Options),
            OccurredAt = integrationEvent.OccurredAt,
            CorrelationId = CorrelationContext.Current,
        });
        OutboxPending = true;
    }

    /// <summary>
    /// Queues an event about something deliberately unlinked from people (an anonymous survey answer, an
    /// evaluation form) and strips what would tie it to the moment and the request that caused it: the usual
    /// message id is time-ordered (UUIDv7, to the millisecond) and becomes the bus message id, and the correlation
    /// id leads to the request in the logs, and so to the caller. A random id and no correlation instead.
    /// </summary>
    public void EnqueueUnlinked(IIntegrationEvent integrationEvent)
    {
        Enqueue(integrationEvent);
        var entry = Outbox[^1];
        entry.MessageId = Guid.NewGuid().ToString();
        entry.CorrelationId = null;
    }
}

/// <summary>How events are written as JSON on the platform; reporting's journal stores them the same way.</summary>
public static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
