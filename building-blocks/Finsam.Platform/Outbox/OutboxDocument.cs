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
}

internal static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
