using Finsam.Reporting.Application.Journal;
using Finsam.Reporting.Application.Reports;
using Finsam.Reporting.Domain.ReadModels;

namespace Finsam.Reporting.Application.ReadModels;

/// <summary>
/// Keeps the one in-memory <see cref="ReportingModel"/> of the service current with the event journal, and the
/// stored read models with it. At start-up it loads the stored entities (no replay); then each catch-up reads the
/// journal after the checkpoint in batches, applies every event to the model, and stores the entities the batch
/// changed and the new checkpoint.
/// </summary>
/// <remarks>
/// <para>
/// A crash after a batch's entities were stored but before its checkpoint was leaves the store ahead of its
/// checkpoint. The next start loads those entities and applies the same events again; every book is idempotent (a
/// duplicate changes nothing), so that changes nothing. The same holds when a save fails: the keys it should have
/// written stay pending and go with the next save, so the store never silently misses a change the model has.
/// </para>
/// <para>
/// Unlinked events (survey answers, evaluation forms) have no sequence, so no checkpoint can say which were applied.
/// They are few, and never removed: when their count differs from the one the checkpoint holds, all of them are read
/// and applied again (those already applied change nothing).
/// </para>
/// <para>
/// One writer at a time (a batch, a start-up load or a rebuild) holds the write gate; the model itself is changed
/// and read only under the model lock, so a reader sees whole batches, never half of one.
/// </para>
/// </remarks>
public sealed class ReadModelProjector(IEventJournal journal, IReadModelStore store) : IReportingModelReader
{
    /// <summary>Journal entries applied and stored together.</summary>
    public const int BatchSize = 2_000;

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _modelLock = new(1, 1);
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Keys changed in the model but not yet stored, per book kind: survives a failed save.
    private readonly Dictionary<string, ISet<string>> _pending = new(StringComparer.Ordinal);

    private ReportingModel _model = new();

    // What the store holds (after the last successful save) and what the model has applied.
    private ReadModelCheckpoint _stored = ReadModelCheckpoint.Start;
    private ReadModelCheckpoint _applied = ReadModelCheckpoint.Start;

    public bool IsLoaded => _loaded.Task.IsCompleted;

    /// <summary>The checkpoint of the last successful save.</summary>
    public ReadModelCheckpoint Checkpoint => _stored;

    /// <summary>
    /// Runs <paramref name="read"/> on the model under the lock batches are applied under, with the last journal
    /// sequence the model reflects. Waits until the stored read models are loaded. <paramref name="read"/> must not
    /// keep a reference to the model: it changes as soon as the lock is released.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<ReportingModel, long, T> read, CancellationToken cancellationToken = default)
    {
        await _loaded.Task.WaitAsync(cancellationToken);
        await _modelLock.WaitAsync(cancellationToken);
        try
        {
            return read(_model, _applied.Sequence);
        }
        finally
        {
            _modelLock.Release();
        }
    }

    /// <summary>Loads every book's stored entities and the checkpoint into a new model, and makes it the current one.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var model = new ReportingModel();
            foreach (var book in model.Books)
            {
                await foreach (var stored in store.LoadAsync(book.Kind, book.EntityType, cancellationToken))
                {
                    book.Put(stored.Key, stored.Entity!);
                }
            }

            var checkpoint = await store.GetCheckpointAsync(cancellationToken);
            await SwapAsync(model, checkpoint);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Applies and stores every journal entry after the checkpoint, batch by batch, then the unlinked events if their
    /// count changed. Returns how many journal entries were applied. Loads first if that hasn't been done.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        if (!IsLoaded)
        {
            await LoadAsync(cancellationToken);
        }

        var applied = 0;
        while (true)
        {
            var count = await ApplyNextBatchAsync(cancellationToken);
            applied += count;
            if (count < BatchSize)
            {
                break;
            }
        }

        await ApplyUnlinkedIfChangedAsync(cancellationToken);
        return applied;
    }

    /// <summary>
    /// Holds back every other writer while <paramref name="rebuild"/> replaces the stored read models, then makes the
    /// model it built the current one.
    /// </summary>
    /// <remarks>
    /// One model at a time: the current one is let go before the new one is built, and readers wait (on the model
    /// lock) until the rebuilt one is in — about a minute at the benchmark's scale, where two models side by side would
    /// take the process past its 1 GiB. A rebuild that fails leaves an empty model at the journal's start, every entity
    /// owed to the store: the next catch-up replays the journal from the beginning, as a service with an empty store
    /// does, and each report says the journal sequence it rests on meanwhile.
    /// </remarks>
    public async Task<RebuildResult> ReplaceAsync(Func<CancellationToken, Task<RebuildResult>> rebuild, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            RebuildResult result;
            await _modelLock.WaitAsync(cancellationToken);
            try
            {
                _model = new ReportingModel();
                try
                {
                    result = await rebuild(cancellationToken);
                }
                catch
                {
                    // The store may have been cleared, or half filled. Entities the rebuild wrote from later events are
                    // ahead of the start, which applying those events again leaves as they are.
                    _applied = ReadModelCheckpoint.Start;
                    _stored = ReadModelCheckpoint.Start;
                    _pending.Clear();
                    throw;
                }

                Swap(result.Model, result.Checkpoint);
            }
            finally
            {
                _modelLock.Release();
            }

            AfterSwap();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<int> ApplyNextBatchAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var entries = await journal.ReadAsync(_applied.Sequence, BatchSize, cancellationToken);
            if (entries.Count == 0)
            {
                // Nothing new; but a save that failed earlier may still owe the store its changes.
                await SavePendingAsync(_applied, cancellationToken);
                return 0;
            }

            await _modelLock.WaitAsync(cancellationToken);
            try
            {
                foreach (var entry in entries)
                {
                    _model.Apply(entry.Event, _pending);
                }

                _applied = _applied with { Sequence = entries[^1].Sequence };
            }
            finally
            {
                _modelLock.Release();
            }

            await SavePendingAsync(_applied, cancellationToken);
            return entries.Count;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task ApplyUnlinkedIfChangedAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            if (await journal.CountUnlinkedAsync(cancellationToken) == _applied.UnlinkedCount)
            {
                return;
            }

            // Read before taking the model lock: readers aren't held up by the journal.
            var unlinked = await journal.ReadAllUnlinkedAsync(BatchSize, cancellationToken);
            await _modelLock.WaitAsync(cancellationToken);
            try
            {
                foreach (var entry in unlinked)
                {
                    _model.Apply(entry.Event, _pending);
                }

                // The count of what was read, not of what was counted: one appended in between is read next time.
                _applied = _applied with { UnlinkedCount = unlinked.Count };
            }
            finally
            {
                _modelLock.Release();
            }

            await SavePendingAsync(_applied, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Stores the pending entities as the model now has them, and <paramref name="checkpoint"/>. Under the write gate.</summary>
    private async Task SavePendingAsync(ReadModelCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (checkpoint == _stored && _pending.Values.All(keys => keys.Count == 0))
        {
            return;
        }

        // Entities are immutable records: the references taken under the lock stay valid after it is released.
        IReadOnlyCollection<ReadModelEntity> changes;
        await _modelLock.WaitAsync(cancellationToken);
        try
        {
            changes = ReadModelEntities.Of(_model, _pending);
        }
        finally
        {
            _modelLock.Release();
        }

        await store.SaveAsync(changes, checkpoint, cancellationToken);
        foreach (var keys in _pending.Values)
        {
            keys.Clear();
        }

        _stored = checkpoint;
    }

    private async Task SwapAsync(ReportingModel model, ReadModelCheckpoint checkpoint)
    {
        // Not cancellable: the store already holds what this model reflects.
        await _modelLock.WaitAsync(CancellationToken.None);
        try
        {
            Swap(model, checkpoint);
        }
        finally
        {
            _modelLock.Release();
        }

        AfterSwap();
    }

    /// <summary>Makes <paramref name="model"/> the current one. Under the model lock.</summary>
    private void Swap(ReportingModel model, ReadModelCheckpoint checkpoint)
    {
        _model = model;
        _applied = checkpoint;
        _stored = checkpoint;
        _pending.Clear();
    }

    private void AfterSwap()
    {
        _loaded.TrySetResult();
        store.ReleaseMemory();
        GiveBackMemory();
    }

    /// <summary>
    /// After a load or a rebuild, the only times the model is made whole (and after the store has let go of its cache):
    /// a full, compacting collection that also
    /// returns the freed memory to the system. Reading or replaying everything leaves several times the model's size
    /// in garbage (JSON, events, the old model), and the GC would otherwise keep that memory committed for later use,
    /// for a process whose limit is 1 GiB. Once per load or rebuild, a pause of a second or so is nothing.
    /// </summary>
    private static void GiveBackMemory()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
