using Finsam.IntegrationEvents.Activities.V1;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Platform.Storage.LiteDb;
using Finsam.Reporting.Infrastructure.Journal;
using Finsam.Testing;

namespace Finsam.UnitTests.Reporting;

/// <summary>The event journal over a real LiteDB file: append once per message id, read back in sequence order.</summary>
public sealed class DocumentEventJournalTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TempDirectory _data = new("finsam-journal");
    private readonly LiteDbDocumentStore _store;
    private readonly DocumentEventJournal _journal;

    public DocumentEventJournalTests()
    {
        _store = new LiteDbDocumentStore(Path.Combine(_data.Path, "reporting.db"));
        _journal = new DocumentEventJournal(_store);
    }

    [Fact]
    public async Task Appends_once_per_message_id_and_reads_back_in_sequence_order_after_a_cursor()
    {
        await DocumentEventJournal.EnsureIndexesAsync(_store, Ct);
        var at = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        var registered = new ParticipantRegistered("p-1", ParticipantGenders.Woman, 1990, at);
        var defined = new InsatsDefined("i-1", "Steget", "individual", 20, at.AddMinutes(1), EnrolmentTarget: 30);
        var started = new GroupStarted("g-1", "i-1", 8, false, at.AddMinutes(2));
        var ids = new[] { Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7() };

        Assert.True(await _journal.AppendAsync(ids[0], registered, at, Ct));
        Assert.True(await _journal.AppendAsync(ids[1], defined, at.AddSeconds(1), Ct));
        Assert.False(await _journal.AppendAsync(ids[0], registered, at.AddSeconds(2), Ct)); // a redelivery
        Assert.True(await _journal.AppendAsync(ids[2], started, at.AddSeconds(3), Ct));

        var all = await _journal.ReadAsync(0, 10, Ct);
        Assert.Equal(ids, all.Select(e => e.MessageId));
        Assert.Equal([registered, defined, started], all.Select(e => e.Event));
        Assert.True(all[0].Sequence < all[1].Sequence && all[1].Sequence < all[2].Sequence);
        Assert.Equal(at, all[0].ReceivedAt);
        Assert.Equal(DateTimeKind.Utc, all[0].ReceivedAt.Kind);

        // Paging: after the first entry, one at a time.
        var page = await _journal.ReadAsync(all[0].Sequence, 1, Ct);
        Assert.Equal([ids[1]], page.Select(e => e.MessageId));
        Assert.Empty(await _journal.ReadAsync(all[2].Sequence, 10, Ct));
    }

    [Fact]
    public async Task Unlinked_events_are_kept_apart_without_arrival_time_or_place_in_the_sequence()
    {
        await DocumentEventJournal.EnsureIndexesAsync(_store, Ct);
        var month = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var ended = new GroupCancelled("g-1", "i-1", month.AddDays(16));
        var form = new EvaluationSubmitted(Guid.NewGuid().ToString(), "g-1", "i-1", "2026-03", ["Omfattningen var bra"], [6], month);
        var formId = Guid.NewGuid();

        Assert.True(await _journal.AppendAsync(Guid.CreateVersion7(), ended, month.AddDays(16), Ct));
        Assert.True(await _journal.AppendAsync(formId, form, month.AddDays(16).AddSeconds(1), Ct));
        Assert.False(await _journal.AppendAsync(formId, form, month.AddDays(17), Ct)); // a redelivery
        Assert.True(await _journal.AppendAsync(Guid.CreateVersion7(), ended with { GroupId = "g-2" }, month.AddDays(16).AddSeconds(2), Ct));

        // The ordered journal has the two linked events with consecutive numbers: the form took no place between them.
        var ordered = await _journal.ReadAsync(0, 10, Ct);
        Assert.Equal(["g-1", "g-2"], ordered.Select(e => ((GroupCancelled)e.Event).GroupId));
        Assert.Equal(ordered[0].Sequence + 1, ordered[1].Sequence);
        var entry = Assert.Single(await _journal.ReadUnlinkedAsync(null, 10, Ct));
        Assert.Equal(formId, entry.MessageId);
        Assert.Equal(1, await _journal.CountUnlinkedAsync(Ct));
        Assert.Empty(await _journal.ReadUnlinkedAsync(formId, 10, Ct));
        var unlinked = Assert.IsType<EvaluationSubmitted>(entry.Event);
        Assert.Equal((form.EvaluationId, form.Month, form.OccurredAt), (unlinked.EvaluationId, unlinked.Month, unlinked.OccurredAt));
        Assert.Equal(form.Ratings, unlinked.Ratings);

        // Stored as id, type and payload only: no arrival time, no sequence.
        var stored = _store.Database.GetCollection(UnlinkedEventDocument.CollectionName).FindAll().Single();
        Assert.Equal(["Payload", "Type", "Version", "_id"], stored.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Concurrent_appends_get_distinct_sequences()
    {
        await DocumentEventJournal.EnsureIndexesAsync(_store, Ct);
        var at = DateTime.UtcNow;
        var appends = Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => _journal.AppendAsync(Guid.NewGuid(), new GroupCancelled($"g-{i}", "i-1", at), at, Ct), Ct));
        Assert.All(await Task.WhenAll(appends), Assert.True);

        var all = await _journal.ReadAsync(0, 100, Ct);
        Assert.Equal(20, all.Count);
        Assert.Equal(all.Select(e => e.Sequence).Order(), all.Select(e => e.Sequence));
        Assert.Equal(20, all.Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task A_batch_append_skips_known_and_repeated_ids_and_numbers_the_rest_after_the_journal()
    {
        await DocumentEventJournal.EnsureIndexesAsync(_store, Ct);
        var at = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        var known = Guid.CreateVersion7();
        Assert.True(await _journal.AppendAsync(known, new GroupCancelled("g-0", "i-1", at), at, Ct));
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.CreateVersion7()).ToList();
        var form = new EvaluationSubmitted(Guid.NewGuid().ToString(), "g-1", "i-1", "2026-03", ["Omfattningen var bra"], [5], at);
        var formId = Guid.NewGuid();

        var appended = await _journal.AppendManyAsync(
            [
                new(ids[0], new GroupCancelled("g-1", "i-1", at), at),
                new(known, new GroupCancelled("g-0", "i-1", at), at), // already journalled
                new(formId, form, at),
                new(ids[1], new GroupCancelled("g-2", "i-1", at), at),
                new(ids[0], new GroupCancelled("g-1", "i-1", at), at), // twice in the batch
                new(ids[2], new GroupCancelled("g-3", "i-1", at), at),
            ],
            Ct);

        Assert.Equal(4, appended);
        var all = await _journal.ReadAsync(0, 10, Ct);
        Assert.Equal([known, .. ids], all.Select(e => e.MessageId));
        Assert.Equal([1L, 2, 3, 4], all.Select(e => e.Sequence));
        Assert.Equal(formId, Assert.Single(await _journal.ReadUnlinkedAsync(null, 10, Ct)).MessageId);
        // The counter moved past the block: a single append after it takes the next number.
        Assert.True(await _journal.AppendAsync(Guid.CreateVersion7(), new GroupCancelled("g-4", "i-1", at), at, Ct));
        Assert.Equal(5, (await _journal.ReadAsync(4, 10, Ct)).Single().Sequence);
        Assert.Equal(0, await _journal.AppendManyAsync([new(ids[1], new GroupCancelled("g-2", "i-1", at), at)], Ct));
    }

    [Fact]
    public async Task Seeding_a_new_journal_numbers_the_stream_in_order_skips_repeats_and_refuses_a_journal_with_anything_in_it()
    {
        await DocumentEventJournal.EnsureIndexesAsync(_store, Ct);
        var at = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.CreateVersion7()).ToList();
        var form = new EvaluationSubmitted(Guid.NewGuid().ToString(), "g-1", "i-1", "2026-03", ["Omfattningen var bra"], [5], at);
        var formId = Guid.NewGuid();
        JournalAppend[] stream =
        [
            new(ids[0], new GroupCancelled("g-0", "i-1", at), at),
            new(ids[1], new GroupCancelled("g-1", "i-1", at), at.AddSeconds(1)),
            new(formId, form, at),
            new(ids[0], new GroupCancelled("g-0", "i-1", at), at), // a repeat, in another batch than its first
            new(ids[2], new GroupCancelled("g-2", "i-1", at), at),
            new(ids[3], new GroupCancelled("g-3", "i-1", at), at),
            new(ids[4], new GroupCancelled("g-4", "i-1", at), at),
        ];

        Assert.Equal(6, await _journal.SeedAsync(stream, batchSize: 2, Ct));

        var all = await _journal.ReadAsync(0, 10, Ct);
        Assert.Equal(ids, all.Select(e => e.MessageId));
        Assert.Equal([1L, 2, 3, 4, 5], all.Select(e => e.Sequence));
        Assert.Equal(at.AddSeconds(1), all[1].ReceivedAt);
        Assert.Equal(formId, Assert.Single(await _journal.ReadUnlinkedAsync(null, 10, Ct)).MessageId);
        // What it wrote is an ordinary journal: a single append takes the next number, a known id is a no-op.
        Assert.True(await _journal.AppendAsync(Guid.CreateVersion7(), new GroupCancelled("g-5", "i-1", at), at, Ct));
        Assert.Equal(6, (await _journal.ReadAsync(5, 10, Ct)).Single().Sequence);
        Assert.False(await _journal.AppendAsync(ids[2], new GroupCancelled("g-2", "i-1", at), at, Ct));

        // Not empty any more: seeding would skip no known id, so it refuses and writes nothing.
        await Assert.ThrowsAsync<InvalidOperationException>(() => _journal.SeedAsync([new(Guid.CreateVersion7(), new GroupCancelled("g-9", "i-1", at), at)], 10, Ct));
        Assert.Equal(6, (await _journal.ReadAsync(0, 10, Ct)).Count);
    }

    [Fact]
    public async Task Seeding_refuses_a_journal_that_holds_only_an_unlinked_event()
    {
        await DocumentEventJournal.EnsureIndexesAsync(_store, Ct);
        var at = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        var form = new EvaluationSubmitted(Guid.NewGuid().ToString(), "g-1", "i-1", "2026-03", ["Omfattningen var bra"], [5], at);
        Assert.True(await _journal.AppendAsync(Guid.NewGuid(), form, at, Ct));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _journal.SeedAsync([new(Guid.CreateVersion7(), new GroupCancelled("g-9", "i-1", at), at)], 10, Ct));
        Assert.Empty(await _journal.ReadAsync(0, 10, Ct));
    }

    public void Dispose()
    {
        _store.Dispose();
        _data.Dispose();
    }
}
