namespace Finsam.Platform.Outbox;

/// <summary>An outbox entry together with where it is stored, so it can be marked dispatched.</summary>
public sealed record PendingOutboxMessage(string Collection, string DocumentId, OutboxEntry Entry);
