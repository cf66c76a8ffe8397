using Finsam.IntegrationEvents;
using Finsam.Platform.Storage;

namespace Finsam.Platform.Outbox;

/// <summary>
/// The two writes of a repository whose documents publish events. A change and its events are stored in ONE
/// single-document write (the events are queued in the document's own outbox), which both stores make atomic: the
/// change is never stored without its events, nor the events without the change. Then the dispatcher is woken.
/// </summary>
public sealed class OutboxWrites<TDocument>(IDocumentCollection<TDocument> collection, OutboxSignal outboxSignal)
    where TDocument : OutboxDocument
{
    /// <summary>
    /// Inserts a new document with <paramref name="events"/> queued in it and returns its version. A taken unique
    /// index becomes the exception <paramref name="onDuplicate"/> gives for it (by <see cref="DuplicateKeyException.Index"/>);
    /// when it gives null the <see cref="DuplicateKeyException"/> propagates unchanged.
    /// </summary>
    public async Task<long> InsertWithEventsAsync(
        TDocument document,
        IReadOnlyList<IIntegrationEvent> events,
        Func<DuplicateKeyException, Exception?> onDuplicate,
        CancellationToken cancellationToken)
    {
        foreach (var integrationEvent in events)
        {
            document.Enqueue(integrationEvent);
        }

        try
        {
            await collection.InsertAsync(document, cancellationToken);
        }
        catch (DuplicateKeyException ex) when (onDuplicate(ex) is { } mapped)
        {
            throw mapped;
        }

        // An insert always wakes the dispatcher, even with nothing queued; a wake-up too many costs one empty poll.
        outboxSignal.Notify();
        return document.Version;
    }

    /// <summary>
    /// Saves a change to a stored document and returns its new version. The stored document is read just before the
    /// write and <paramref name="apply"/> maps the change onto it, so it keeps what the domain doesn't know about: its
    /// request id and the events the dispatcher hasn't sent yet (events sent since the read aren't written back,
    /// because the replace is version-checked). A version other than <paramref name="expectedVersion"/>, before or at
    /// the write, throws <paramref name="onConflict"/>'s exception.
    /// </summary>
    public async Task<long> ReplaceWithEventsAsync(
        string id,
        long expectedVersion,
        Action<TDocument> apply,
        IReadOnlyList<IIntegrationEvent> events,
        Func<Exception> onConflict,
        CancellationToken cancellationToken)
    {
        var document = await collection.GetAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"Only a stored document can be saved ({typeof(TDocument).Name} {id} is not stored).");
        if (document.Version != expectedVersion)
        {
            throw onConflict();
        }

        apply(document);
        foreach (var integrationEvent in events)
        {
            document.Enqueue(integrationEvent);
        }

        if (!await collection.ReplaceAsync(document, expectedVersion, cancellationToken))
        {
            throw onConflict();
        }

        if (events.Count > 0)
        {
            outboxSignal.Notify();
        }

        return document.Version;
    }
}
