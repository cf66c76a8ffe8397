using System.Text.Json;
using Finsam.IntegrationEvents;
using Finsam.Platform.Outbox;
using Finsam.Platform.Storage;
using Finsam.Reporting.Application.Journal;

namespace Finsam.Reporting.Infrastructure.Journal;

/// <summary>The event journal over the service's own document store (LiteDB or MongoDB).</summary>
public sealed class DocumentEventJournal(IDocumentStore store) : IEventJournal
{
    private readonly IDocumentCollection<JournalEntryDocument> _entries =
        store.Collection<JournalEntryDocument>(JournalEntryDocument.CollectionName);

    private readonly IDocumentCollection<JournalSequenceDocument> _sequence =
        store.Collection<JournalSequenceDocument>(JournalSequenceDocument.CollectionName);

    private readonly IDocumentCollection<UnlinkedEventDocument> _unlinked =
        store.Collection<UnlinkedEventDocument>(UnlinkedEventDocument.CollectionName);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var entries = store.Collection<JournalEntryDocument>(JournalEntryDocument.CollectionName);
        await entries.EnsureIndexAsync(nameof(JournalEntryDocument.Type), unique: false, cancellationToken);
        await entries.EnsureIndexAsync(nameof(JournalEntryDocument.OccurredAt), unique: false, cancellationToken);
        // Unique: a replay relies on one order, and a bug handing out a number twice should fail loudly.
        await entries.EnsureIndexAsync(nameof(JournalEntryDocument.Sequence), unique: true, cancellationToken);
    }

    public async Task<bool> AppendAsync(Guid messageId, IIntegrationEvent integrationEvent, DateTime receivedAt, CancellationToken cancellationToken)
    {
        var id = messageId.ToString();
        if (integrationEvent is IUnlinkedEvent unlinked)
        {
            return await AppendUnlinkedAsync(id, unlinked, cancellationToken);
        }

        // The common duplicate (a redelivery long after) is answered without spending a sequence number.
        if (await _entries.GetAsync(id, cancellationToken) is not null)
        {
            return false;
        }

        var type = integrationEvent.GetType();
        var entry = new JournalEntryDocument
        {
            Id = id,
            Type = IntegrationEventTypes.NameOf(type),
            Payload = JsonSerializer.Serialize(integrationEvent, type, OutboxJson.Options),
            OccurredAt = integrationEvent.OccurredAt,
            ReceivedAt = receivedAt,
            Sequence = await ReserveSequencesAsync(1, cancellationToken),
        };
        try
        {
            await _entries.InsertAsync(entry, cancellationToken);
            return true;
        }
        catch (DuplicateKeyException ex) when (ex.Index == "_id")
        {
            // A twin delivery got in between our check and our insert. Its number stands; ours is left as a gap.
            return false;
        }
    }

    /// <summary>
    /// Appends many events at once, for seeding a journal (the scale benchmark, tests, an import): the ids already
    /// there and repeats within the batch are skipped, the rest take one block of sequence numbers in the order given
    /// and are written in one batch per collection — one append at a time would cost a disk flush each. Not to be run
    /// beside the journal consumer: like the consumer's single-file appends, it relies on being the only writer, so
    /// that no reader sees a later number before an earlier one is written. Returns how many were appended.
    /// </summary>
    public async Task<int> AppendManyAsync(IReadOnlyCollection<JournalAppend> appends, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var linked = new List<(string Id, JournalAppend Append)>();
        var unlinked = new List<UnlinkedEventDocument>();
        foreach (var append in appends)
        {
            var id = append.MessageId.ToString();
            if (!seen.Add(id))
            {
                continue;
            }

            if (append.Event is IUnlinkedEvent)
            {
                if (await _unlinked.GetAsync(id, cancellationToken) is null)
                {
                    var type = append.Event.GetType();
                    unlinked.Add(new UnlinkedEventDocument
                    {
                        Id = id, Type = IntegrationEventTypes.NameOf(type), Payload = JsonSerializer.Serialize(append.Event, type, OutboxJson.Options),
                    });
                }
            }
            else if (await _entries.GetAsync(id, cancellationToken) is null)
            {
                linked.Add((id, append));
            }
        }

        if (linked.Count > 0)
        {
            var first = await ReserveSequencesAsync(linked.Count, cancellationToken);
            var documents = linked.Select((l, i) =>
            {
                var type = l.Append.Event.GetType();
                return new JournalEntryDocument
                {
                    Id = l.Id,
                    Type = IntegrationEventTypes.NameOf(type),
                    Payload = JsonSerializer.Serialize(l.Append.Event, type, OutboxJson.Options),
                    OccurredAt = l.Append.Event.OccurredAt,
                    ReceivedAt = l.Append.ReceivedAt,
                    Sequence = first + i,
                };
            }).ToList();
            await _entries.UpsertManyAsync(documents, cancellationToken);
        }

        await _unlinked.UpsertManyAsync(unlinked, cancellationToken);
        return linked.Count + unlinked.Count;
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var page = await _entries.FindOrderedAsync(e => e.Sequence > afterSequence, e => e.Sequence, limit, cancellationToken);
        return page.Select(ToEntry).ToList();
    }

    public async Task<IReadOnlyList<UnlinkedEntry>> ReadUnlinkedAsync(Guid? afterMessageId, int limit, CancellationToken cancellationToken) =>
        (await _unlinked.ListAfterAsync(afterMessageId?.ToString(), limit, cancellationToken))
        .Select(d => new UnlinkedEntry(Guid.Parse(d.Id), (IUnlinkedEvent)Deserialize(d.Id, d.Type, d.Payload)))
        .ToList();

    public Task<long> CountUnlinkedAsync(CancellationToken cancellationToken) => _unlinked.CountAsync(null, cancellationToken);

    /// <summary>
    /// Kept apart, without the arrival time or a sequence number the ordered journal would give it: either would
    /// place a survey answer next to the ending it followed, and so next to a person.
    /// </summary>
    private async Task<bool> AppendUnlinkedAsync(string id, IUnlinkedEvent unlinked, CancellationToken cancellationToken)
    {
        var type = unlinked.GetType();
        try
        {
            await _unlinked.InsertAsync(
                new UnlinkedEventDocument
                {
                    Id = id,
                    Type = IntegrationEventTypes.NameOf(type),
                    Payload = JsonSerializer.Serialize(unlinked, type, OutboxJson.Options),
                },
                cancellationToken);
            return true;
        }
        catch (DuplicateKeyException ex) when (ex.Index == "_id")
        {
            return false;
        }
    }

    private static JournalEntry ToEntry(JournalEntryDocument document) =>
        // LiteDB hands dates back as local time; the journal speaks UTC on both stores.
        new(document.Sequence, Guid.Parse(document.Id), Deserialize(document.Id, document.Type, document.Payload), document.ReceivedAt.ToUniversalTime());

    private static IIntegrationEvent Deserialize(string id, string typeName, string payload)
    {
        // An unknown type would mean an event was removed from the contracts: V1 types are never deleted, so refuse.
        if (!IntegrationEventTypes.TryResolve(typeName, out var type))
        {
            throw new InvalidOperationException($"Journal entry {id} has unknown event type '{typeName}'.");
        }

        return (IIntegrationEvent)(JsonSerializer.Deserialize(payload, type, OutboxJson.Options)
            ?? throw new InvalidOperationException($"Journal entry {id} has an empty payload."));
    }

    /// <summary>
    /// The next <paramref name="count"/> numbers from the counter document (returns the first): read, bump,
    /// version-checked replace, retry when another append won.
    /// </summary>
    private async Task<long> ReserveSequencesAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var counter = await _sequence.GetAsync(JournalSequenceDocument.SingletonId, cancellationToken);
            if (counter is null)
            {
                try
                {
                    await _sequence.InsertAsync(new JournalSequenceDocument { Last = count }, cancellationToken);
                    return 1;
                }
                catch (DuplicateKeyException)
                {
                    continue; // another append created it first
                }
            }

            var expected = counter.Version;
            var first = counter.Last + 1;
            counter.Last += count;
            if (await _sequence.ReplaceAsync(counter, expected, cancellationToken))
            {
                return first;
            }
        }
    }
}

/// <summary>One event for <see cref="DocumentEventJournal.AppendManyAsync"/>: its message id, the event, when it counts as received.</summary>
public sealed record JournalAppend(Guid MessageId, IIntegrationEvent Event, DateTime ReceivedAt);
