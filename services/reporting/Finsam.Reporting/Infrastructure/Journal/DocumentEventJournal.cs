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
    /// Appends many events at once, for seeding a journal (tests, an import): the ids already there and repeats within
    /// the batch are skipped, the rest take one block of sequence numbers in the order given and are written in one
    /// batch per collection — one append at a time would cost a disk flush each. Not to be run beside the journal
    /// consumer: like the consumer's single-file appends, it relies on being the only writer, so that no reader sees a
    /// later number before an earlier one is written. Returns how many were appended. To fill a brand-new journal with
    /// millions of events, <see cref="SeedAsync"/> skips the per-id look-up this makes.
    /// </summary>
    public async Task<int> AppendManyAsync(IReadOnlyCollection<JournalAppend> appends, CancellationToken cancellationToken)
    {
        var seen = new HashSet<Guid>();
        var fresh = new List<JournalAppend>();
        foreach (var append in appends)
        {
            if (!seen.Add(append.MessageId))
            {
                continue;
            }

            var id = append.MessageId.ToString();
            var known = append.Event is IUnlinkedEvent
                ? await _unlinked.GetAsync(id, cancellationToken) is not null
                : await _entries.GetAsync(id, cancellationToken) is not null;
            if (!known)
            {
                fresh.Add(append);
            }
        }

        return await WriteNewAsync(fresh, cancellationToken);
    }

    /// <summary>
    /// The fast path of <see cref="AppendManyAsync"/> for filling a brand-new journal (the scale benchmark's millions of
    /// events, an import into a fresh store): the journal must be empty when it starts — no entry, no unlinked event,
    /// no number handed out — else it refuses and writes nothing. With nothing there to find, the per-id look-up
    /// (one read per event, most of a large fill's time) is left out; a repeat within the stream is still skipped,
    /// by the set of ids seen. The stream is read and written <paramref name="batchSize"/> events at a time (one
    /// transaction or bulk write per collection each), so it never sits in memory whole. The same single-writer rule
    /// as <see cref="AppendManyAsync"/>. Returns how many were appended.
    /// </summary>
    public async Task<long> SeedAsync(IEnumerable<JournalAppend> appends, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (await _sequence.GetAsync(JournalSequenceDocument.SingletonId, cancellationToken) is not null
            || await _entries.CountAsync(null, cancellationToken) > 0
            || await _unlinked.CountAsync(null, cancellationToken) > 0)
        {
            throw new InvalidOperationException("The journal is not empty: seeding is only for a brand-new journal; use AppendManyAsync.");
        }

        var seen = new HashSet<Guid>();
        long appended = 0;
        foreach (var batch in appends.Where(a => seen.Add(a.MessageId)).Chunk(batchSize))
        {
            appended += await WriteNewAsync(batch, cancellationToken);
        }

        return appended;
    }

    /// <summary>Writes events known to be new: the linked ones numbered in one block in the order given, then the unlinked ones.</summary>
    private async Task<int> WriteNewAsync(IReadOnlyCollection<JournalAppend> fresh, CancellationToken cancellationToken)
    {
        var linked = fresh.Where(a => a.Event is not IUnlinkedEvent).ToList();
        var unlinked = fresh.Where(a => a.Event is IUnlinkedEvent).Select(a =>
        {
            var type = a.Event.GetType();
            return new UnlinkedEventDocument
            {
                Id = a.MessageId.ToString(), Type = IntegrationEventTypes.NameOf(type), Payload = JsonSerializer.Serialize(a.Event, type, OutboxJson.Options),
            };
        }).ToList();
        if (linked.Count > 0)
        {
            var first = await ReserveSequencesAsync(linked.Count, cancellationToken);
            var documents = linked.Select((append, i) =>
            {
                var type = append.Event.GetType();
                return new JournalEntryDocument
                {
                    Id = append.MessageId.ToString(),
                    Type = IntegrationEventTypes.NameOf(type),
                    Payload = JsonSerializer.Serialize(append.Event, type, OutboxJson.Options),
                    OccurredAt = append.Event.OccurredAt,
                    ReceivedAt = append.ReceivedAt,
                    Sequence = first + i,
                };
            }).ToList();
            await _entries.UpsertManyAsync(documents, cancellationToken);
        }

        if (unlinked.Count > 0)
        {
            await _unlinked.UpsertManyAsync(unlinked, cancellationToken);
        }

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
