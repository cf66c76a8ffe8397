using Finsam.Reporting.Application.Journal;
using Finsam.Reporting.Application.ReadModels;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Infrastructure.ReadModels;
using Finsam.Testing;
using Finsam.Testing.Reporting;

namespace Finsam.UnitTests.Reporting.Projection;

/// <summary>
/// The projector over a real LiteDB file, fed a generated history: the incremental path (shuffled batches with
/// duplicates) ends where a full rebuild does, a restart loads without replaying, and a crash between the entities
/// and the checkpoint re-applies harmlessly.
/// </summary>
public sealed class ReadModelProjectorTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly IReadOnlyList<GeneratedEvent> History = HistoryGenerator.Generate(HistoryShape.Small, seed: 6).ToList();

    private readonly TempDirectory _data = new("finsam-projection");

    public void Dispose() => _data.Dispose();

    /// <summary>
    /// The history as the bus might deliver it: shuffled (two services, no order between them), 5% redelivered under
    /// the same message id, and 1% of the facts sent again under a new id (which the journal keeps, the books absorb).
    /// </summary>
    private static List<GeneratedEvent> Deliveries(int seed)
    {
        var random = new Random(seed);
        var deliveries = new List<GeneratedEvent>(History);
        deliveries.AddRange(History.Where(_ => random.NextDouble() < 0.05));
        deliveries.AddRange(History.Where(_ => random.NextDouble() < 0.01).Select(e => e with { MessageId = RandomId(random) }));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(deliveries));
        return deliveries;
    }

    private static SortedDictionary<string, string> Canonical(SortedDictionary<string, string> entities) =>
        new(entities.ToDictionary(e => e.Key, e => Sorted(System.Text.Json.Nodes.JsonNode.Parse(e.Value))?.ToJsonString() ?? "null"), StringComparer.Ordinal);

    private static System.Text.Json.Nodes.JsonNode? Sorted(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => new System.Text.Json.Nodes.JsonObject(
            o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        System.Text.Json.Nodes.JsonArray a => new System.Text.Json.Nodes.JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    private static Guid RandomId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Appends the deliveries in batches of random size, the projector catching up after each (as the consumer's poke makes it).</summary>
    private static async Task FeedAsync(ProjectionStore store, ReadModelProjector projector, IReadOnlyList<GeneratedEvent> deliveries, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < deliveries.Count;)
        {
            var size = 1 + random.Next(400);
            await store.AppendAsync(deliveries.Skip(i).Take(size));
            await projector.CatchUpAsync(Ct);
            i += size;
        }
    }

    private async Task<ProjectionStore> OpenAsync(string name = "reporting")
    {
        var store = new ProjectionStore(_data, name);
        await store.InitializeAsync();
        return store;
    }

    /// <summary>What a rebuild from <paramref name="journal"/> into a fresh store writes.</summary>
    private async Task<(RebuildResult Result, SortedDictionary<string, string> Stored)> RebuildElsewhereAsync(IEventJournal journal, string name)
    {
        using var target = await OpenAsync(name);
        var result = await ReadModelRebuild.ReplayIntoStoreAsync(journal, target.ReadModels, Ct);
        Assert.Equal(result.Checkpoint, await target.ReadModels.GetCheckpointAsync(Ct));
        return (result, await target.StoredJsonAsync());
    }

    [Fact]
    public async Task Shuffled_batches_with_duplicates_end_where_a_full_rebuild_does()
    {
        using var store = await OpenAsync();
        var projector = new ReadModelProjector(store.Journal, store.ReadModels);

        var deliveries = Deliveries(seed: 61);
        await FeedAsync(store, projector, deliveries, seed: 62);

        var incremental = await store.StoredJsonAsync();
        var (rebuilt, rebuiltStored) = await RebuildElsewhereAsync(store.Journal, "rebuilt");
        Assert.Equal(rebuiltStored, incremental);
        Assert.Equal(rebuilt.Checkpoint, await store.ReadModels.GetCheckpointAsync(Ct));
        Assert.Equal(rebuilt.Checkpoint, projector.Checkpoint);
        var model = await ProjectionStore.ModelJsonAsync(projector);
        Assert.Equal(ProjectionStore.ModelJson(rebuilt.Model), model);
        Assert.Equal(model, incremental);
        // Stored as facts only: a computed property (Stay.IsParked) can't be read back, so it isn't written.
        Assert.Contains(incremental, e => e.Key.StartsWith("stays:", StringComparison.Ordinal) && e.Value.Contains("\"enrolmentId\"", StringComparison.Ordinal));
        Assert.DoesNotContain(incremental.Values, json => json.Contains("\"isParked\"", StringComparison.Ordinal));

        // Nothing trivial about it: every stay, person and insats of the history is there, and every unlinked event.
        var shape = HistoryShape.Small;
        Assert.Equal(shape.Enrolments, rebuilt.Model.Stays.Count);
        Assert.Equal(shape.Participants, rebuilt.Model.Persons.Count);
        Assert.Equal(shape.Insatser, rebuilt.Model.Insatser.Count);
        Assert.All(rebuilt.Model.Books, book => Assert.True(book.Count > 0, $"the {book.Kind} book is empty"));
        Assert.Equal(deliveries.Where(e => e.Event is Finsam.IntegrationEvents.IUnlinkedEvent).DistinctBy(e => e.MessageId).Count(), rebuilt.UnlinkedEvents);

        // And the same facts as applying the history once, in the order it was generated, without a store at all.
        // Compared with every JSON object's members in name order: a book that keeps a dictionary (the assessments of
        // a stay) lists it in arrival order, so the text, though not the facts, depends on the order events came in.
        var direct = new ReportingModel();
        var ignored = new Dictionary<string, ISet<string>>();
        foreach (var delivery in History)
        {
            direct.Apply(delivery.Event, ignored);
        }

        Assert.Equal(Canonical(ProjectionStore.ModelJson(direct)), Canonical(model));
    }

    [Fact]
    public async Task A_new_projector_over_the_same_store_loads_the_same_model_without_replaying()
    {
        using var store = await OpenAsync();
        var first = new ReadModelProjector(store.Journal, store.ReadModels);
        await FeedAsync(store, first, Deliveries(seed: 71), seed: 72);

        var journal = new CountingJournal(store.Journal);
        var restarted = new ReadModelProjector(journal, store.ReadModels);
        await restarted.LoadAsync(Ct);

        Assert.Equal(0, journal.EntriesRead);
        Assert.Equal(first.Checkpoint, restarted.Checkpoint);
        Assert.Equal(await ProjectionStore.ModelJsonAsync(first), await ProjectionStore.ModelJsonAsync(restarted));
        Assert.Equal(first.Checkpoint.Sequence, await restarted.ReadAsync((_, sequence) => sequence, Ct));

        // Catching up finds nothing new: one empty read of the journal, and the unlinked events are not read again.
        Assert.Equal(0, await restarted.CatchUpAsync(Ct));
        Assert.Equal(0, journal.EntriesRead);
        Assert.Equal(0, journal.UnlinkedReads);
    }

    [Fact]
    public async Task Read_models_stored_in_an_earlier_format_are_rebuilt_from_the_journal_when_the_service_starts()
    {
        using var store = await OpenAsync();
        await store.AppendAsync(History);
        var (expected, stored) = await RebuildElsewhereAsync(store.Journal, "expected");
        Assert.False(await store.ReadModels.NeedsRebuildAsync(Ct)); // empty: nothing to rebuild

        // What the service before storage formats wrote: the checkpoint and an entity as JSON text, no format.
        var documents = store.Documents.Collection<ReadModelDocument>(ReadModelDocument.CollectionName);
        await documents.UpsertManyAsync(
        [
            new ReadModelDocument { Id = ReadModelDocument.CheckpointId, Kind = ReadModelDocument.CheckpointId, Data = null },
            new ReadModelDocument { Id = "stays:old", Kind = "stays", Data = null },
        ], Ct);
        Assert.True(await store.ReadModels.NeedsRebuildAsync(Ct));
        await Assert.ThrowsAsync<InvalidDataException>(() => store.ReadModels.GetCheckpointAsync(Ct));

        var projector = new ReadModelProjector(store.Journal, store.ReadModels);
        var service = new ReadModelProjectionService(
            projector, new ReadModelRebuild(store.Journal, store.ReadModels, projector), store.ReadModels, new JournalAppended(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ReadModelProjectionService>.Instance);
        await service.StartAsync(Ct);
        try
        {
            var sequence = await projector.ReadAsync((_, applied) => applied, Ct);
            Assert.Equal(expected.Checkpoint.Sequence, sequence);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.False(await store.ReadModels.NeedsRebuildAsync(Ct));
        Assert.Equal(expected.Checkpoint, await store.ReadModels.GetCheckpointAsync(Ct));
        Assert.Equal(stored, await store.StoredJsonAsync());
    }

    [Fact]
    public async Task The_checkpoint_survives_a_restart_and_only_later_events_are_applied()
    {
        var deliveries = Deliveries(seed: 81);
        var firstPart = deliveries.Take(deliveries.Count / 2).ToList();
        var store = await OpenAsync();
        try
        {
            var projector = new ReadModelProjector(store.Journal, store.ReadModels);
            await FeedAsync(store, projector, firstPart, seed: 82);
            var checkpoint = projector.Checkpoint;
            var lastSequence = (await store.Journal.ReadAsync(0, int.MaxValue, Ct))[^1].Sequence;
            Assert.Equal(lastSequence, checkpoint.Sequence);
            Assert.Equal(await store.Journal.CountUnlinkedAsync(Ct), checkpoint.UnlinkedCount);

            store = store.Reopen();
            Assert.Equal(checkpoint, await store.ReadModels.GetCheckpointAsync(Ct));
            var linkedLater = await store.AppendAsync(deliveries.Skip(firstPart.Count).Where(d => d.Event is not Finsam.IntegrationEvents.IUnlinkedEvent));
            await store.AppendAsync(deliveries.Skip(firstPart.Count).Where(d => d.Event is Finsam.IntegrationEvents.IUnlinkedEvent));

            var restarted = new ReadModelProjector(store.Journal, store.ReadModels);
            Assert.Equal(linkedLater, await restarted.CatchUpAsync(Ct));

            var (rebuilt, rebuiltStored) = await RebuildElsewhereAsync(store.Journal, "rebuilt");
            Assert.Equal(rebuiltStored, await store.StoredJsonAsync());
            Assert.Equal(rebuilt.Checkpoint, restarted.Checkpoint);
        }
        finally
        {
            store.Dispose();
        }
    }

    [Fact]
    public async Task A_crash_between_the_entities_and_the_checkpoint_reapplies_the_batch_harmlessly()
    {
        using var store = await OpenAsync();
        var deliveries = Deliveries(seed: 91);
        var firstPart = deliveries.Take(deliveries.Count / 2).ToList();
        await FeedAsync(store, new ReadModelProjector(store.Journal, store.ReadModels), firstPart, seed: 92);
        var before = await store.ReadModels.GetCheckpointAsync(Ct);
        var storedBefore = await store.StoredJsonAsync();
        await store.AppendAsync(deliveries.Skip(firstPart.Count));

        // The process dies after the batch's entities were written, before its checkpoint was.
        var crashing = new ReadModelProjector(store.Journal, new CrashAfterEntitiesStore(store.ReadModels));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.CatchUpAsync(Ct));
        Assert.Equal(before, await store.ReadModels.GetCheckpointAsync(Ct));
        Assert.NotEqual(storedBefore, await store.StoredJsonAsync()); // entities ahead of the checkpoint

        var restarted = new ReadModelProjector(store.Journal, store.ReadModels);
        Assert.True(await restarted.CatchUpAsync(Ct) > 0); // the same entries again

        var (rebuilt, rebuiltStored) = await RebuildElsewhereAsync(store.Journal, "rebuilt");
        Assert.Equal(rebuiltStored, await store.StoredJsonAsync());
        Assert.Equal(rebuilt.Checkpoint, await store.ReadModels.GetCheckpointAsync(Ct));
        Assert.Equal(ProjectionStore.ModelJson(rebuilt.Model), await ProjectionStore.ModelJsonAsync(restarted));
    }

    [Fact]
    public async Task A_failed_save_is_made_good_by_the_next_catch_up_of_the_same_projector()
    {
        using var store = await OpenAsync();
        var deliveries = Deliveries(seed: 101);
        var flaky = new FailingStore(store.ReadModels);
        var projector = new ReadModelProjector(store.Journal, flaky);
        await store.AppendAsync(deliveries.Take(500));
        await projector.CatchUpAsync(Ct);
        await store.AppendAsync(deliveries.Skip(500));
        flaky.FailSaves = 1;

        // The model applies the batch; the store refuses it. Nothing is stored, but the model is ahead.
        await Assert.ThrowsAsync<SimulatedCrashException>(() => projector.CatchUpAsync(Ct));
        await projector.CatchUpAsync(Ct);

        var (rebuilt, rebuiltStored) = await RebuildElsewhereAsync(store.Journal, "rebuilt");
        Assert.Equal(rebuiltStored, await store.StoredJsonAsync());
        Assert.Equal(rebuilt.Checkpoint, await store.ReadModels.GetCheckpointAsync(Ct));
    }

    [Fact]
    public async Task A_rebuild_replaces_the_stored_read_models_and_swaps_the_projectors_model()
    {
        using var store = await OpenAsync();
        var projector = new ReadModelProjector(store.Journal, store.ReadModels);
        await FeedAsync(store, projector, Deliveries(seed: 111), seed: 112);
        // A stale entity the journal knows nothing of: a rebuild must not keep it.
        await store.ReadModels.SaveAsync([new ReadModelEntity("persons", "stale", new Finsam.Reporting.Domain.Persons.PersonFacts("stale", "man", 1970, default, new Finsam.Reporting.Domain.Stays.FactVersion(default, false, 0)))], projector.Checkpoint, Ct);

        var result = await new ReadModelRebuild(store.Journal, store.ReadModels, projector).RunAsync(Ct);

        Assert.Same(result.Model, await projector.ReadAsync((model, _) => model, Ct));
        Assert.Equal(result.Checkpoint.Sequence, await projector.ReadAsync((_, sequence) => sequence, Ct));
        var stored = await store.StoredJsonAsync();
        Assert.DoesNotContain("persons:stale", stored.Keys);
        Assert.Equal(ProjectionStore.ModelJson(result.Model), stored);
        Assert.Equal(result.Entities, stored.Count);
        Assert.Equal(0, await projector.CatchUpAsync(Ct));
    }

    [Fact]
    public async Task During_a_rebuild_readers_wait_for_the_rebuilt_model_and_the_old_one_is_let_go()
    {
        using var store = await OpenAsync();
        var held = new HeldStore(store.ReadModels);
        var projector = new ReadModelProjector(store.Journal, held);
        await FeedAsync(store, projector, Deliveries(seed: 131), seed: 132);
        var old = new WeakReference(await projector.ReadAsync((model, _) => model, Ct));

        held.Hold = true;
        var rebuilding = new ReadModelRebuild(store.Journal, held, projector).RunAsync(Ct);
        await held.Saving.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct); // the rebuild is writing: replayed, not yet swapped in
        var reading = projector.ReadAsync((model, _) => model, Ct);
        await Task.Delay(100, Ct);
        Assert.False(reading.IsCompleted);
        GC.Collect();
        Assert.False(old.IsAlive);

        held.Release.SetResult();
        var result = await rebuilding;
        Assert.Same(result.Model, await reading);
    }

    [Fact]
    public async Task A_rebuild_that_fails_after_clearing_leaves_the_projector_to_write_everything_again()
    {
        using var store = await OpenAsync();
        var flaky = new FailingStore(store.ReadModels);
        var projector = new ReadModelProjector(store.Journal, flaky);
        await FeedAsync(store, projector, Deliveries(seed: 121), seed: 122);
        var expected = await store.StoredJsonAsync();

        flaky.FailSaves = 1; // the store is cleared, then the write of the rebuilt entities fails
        await Assert.ThrowsAsync<SimulatedCrashException>(() => new ReadModelRebuild(store.Journal, flaky, projector).RunAsync(Ct));
        Assert.Empty(await store.StoredJsonAsync());

        await projector.CatchUpAsync(Ct);
        Assert.Equal(expected, await store.StoredJsonAsync());
        Assert.Equal(projector.Checkpoint, await store.ReadModels.GetCheckpointAsync(Ct));
    }

    [Fact]
    public async Task Readers_wait_until_the_stored_read_models_are_loaded()
    {
        using var store = await OpenAsync();
        var projector = new ReadModelProjector(store.Journal, store.ReadModels);

        var read = projector.ReadAsync((model, sequence) => (model.Stays.Count, sequence), Ct);
        await Task.Delay(50, Ct);
        Assert.False(read.IsCompleted);

        await projector.LoadAsync(Ct);
        Assert.Equal((0, 0L), await read);
    }

    [Fact]
    public async Task A_poke_wakes_the_waiter_once_however_many_came()
    {
        var appended = new JournalAppended();
        Assert.False(await appended.WaitAsync(TimeSpan.FromMilliseconds(20), Ct));

        appended.Notify();
        appended.Notify();

        Assert.True(await appended.WaitAsync(TimeSpan.FromSeconds(5), Ct));
        Assert.False(await appended.WaitAsync(TimeSpan.FromMilliseconds(20), Ct));
    }
}

internal sealed class SimulatedCrashException() : Exception("simulated crash");

/// <summary>Writes a save's entities with the checkpoint that was stored before, then "crashes".</summary>
internal sealed class CrashAfterEntitiesStore(IReadModelStore inner) : IReadModelStore
{
    public IAsyncEnumerable<ReadModelEntity> LoadAsync(string kind, Type entityType, CancellationToken cancellationToken) =>
        inner.LoadAsync(kind, entityType, cancellationToken);

    public async Task SaveAsync(IReadOnlyCollection<ReadModelEntity> changes, ReadModelCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await inner.SaveAsync(changes, await inner.GetCheckpointAsync(cancellationToken), cancellationToken);
        throw new SimulatedCrashException();
    }

    public Task ClearAsync(CancellationToken cancellationToken) => inner.ClearAsync(cancellationToken);

    public Task<ReadModelCheckpoint> GetCheckpointAsync(CancellationToken cancellationToken) => inner.GetCheckpointAsync(cancellationToken);

    public Task<bool> NeedsRebuildAsync(CancellationToken cancellationToken) => inner.NeedsRebuildAsync(cancellationToken);

    public void ReleaseMemory() => inner.ReleaseMemory();
}

/// <summary>Refuses the next <see cref="FailSaves"/> saves without writing anything.</summary>
internal sealed class FailingStore(IReadModelStore inner) : IReadModelStore
{
    public int FailSaves { get; set; }

    public IAsyncEnumerable<ReadModelEntity> LoadAsync(string kind, Type entityType, CancellationToken cancellationToken) =>
        inner.LoadAsync(kind, entityType, cancellationToken);

    public Task SaveAsync(IReadOnlyCollection<ReadModelEntity> changes, ReadModelCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (FailSaves > 0)
        {
            FailSaves--;
            throw new SimulatedCrashException();
        }

        return inner.SaveAsync(changes, checkpoint, cancellationToken);
    }

    public Task ClearAsync(CancellationToken cancellationToken) => inner.ClearAsync(cancellationToken);

    public Task<ReadModelCheckpoint> GetCheckpointAsync(CancellationToken cancellationToken) => inner.GetCheckpointAsync(cancellationToken);

    public Task<bool> NeedsRebuildAsync(CancellationToken cancellationToken) => inner.NeedsRebuildAsync(cancellationToken);

    public void ReleaseMemory() => inner.ReleaseMemory();
}

/// <summary>Counts what is read through it, to show a restart doesn't replay.</summary>
internal sealed class CountingJournal(IEventJournal inner) : IEventJournal
{
    public int EntriesRead { get; private set; }

    public int UnlinkedReads { get; private set; }

    public Task<bool> AppendAsync(Guid messageId, Finsam.IntegrationEvents.IIntegrationEvent integrationEvent, DateTime receivedAt, CancellationToken cancellationToken) =>
        inner.AppendAsync(messageId, integrationEvent, receivedAt, cancellationToken);

    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var entries = await inner.ReadAsync(afterSequence, limit, cancellationToken);
        EntriesRead += entries.Count;
        return entries;
    }

    public Task<IReadOnlyList<UnlinkedEntry>> ReadUnlinkedAsync(Guid? afterMessageId, int limit, CancellationToken cancellationToken)
    {
        UnlinkedReads++;
        return inner.ReadUnlinkedAsync(afterMessageId, limit, cancellationToken);
    }

    public Task<long> CountUnlinkedAsync(CancellationToken cancellationToken) => inner.CountUnlinkedAsync(cancellationToken);
}

/// <summary>Holds a save, once <see cref="Hold"/> is set, until <see cref="Release"/> is completed.</summary>
internal sealed class HeldStore(IReadModelStore inner) : IReadModelStore
{
    public bool Hold { get; set; }

    public TaskCompletionSource Saving { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IAsyncEnumerable<ReadModelEntity> LoadAsync(string kind, Type entityType, CancellationToken cancellationToken) =>
        inner.LoadAsync(kind, entityType, cancellationToken);

    public async Task SaveAsync(IReadOnlyCollection<ReadModelEntity> changes, ReadModelCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (Hold)
        {
            Saving.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }

        await inner.SaveAsync(changes, checkpoint, cancellationToken);
    }

    public Task ClearAsync(CancellationToken cancellationToken) => inner.ClearAsync(cancellationToken);

    public Task<ReadModelCheckpoint> GetCheckpointAsync(CancellationToken cancellationToken) => inner.GetCheckpointAsync(cancellationToken);

    public Task<bool> NeedsRebuildAsync(CancellationToken cancellationToken) => inner.NeedsRebuildAsync(cancellationToken);

    public void ReleaseMemory() => inner.ReleaseMemory();
}
