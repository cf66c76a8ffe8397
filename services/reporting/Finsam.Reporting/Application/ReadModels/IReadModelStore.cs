namespace Finsam.Reporting.Application.ReadModels;

/// <summary>
/// Where the read models' entities are kept between runs, so a restart loads them instead of replaying the journal.
/// Entities are stored per book kind and key; the checkpoint says how far into the journal they reflect.
/// </summary>
public interface IReadModelStore
{
    /// <summary>Every stored entity of one book kind, deserialized as <paramref name="entityType"/> (the book's <c>EntityType</c>).</summary>
    IAsyncEnumerable<ReadModelEntity> LoadAsync(string kind, Type entityType, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the changed entities (an entity of null: removed), then <paramref name="checkpoint"/>, in that order:
    /// a crash in between leaves entities ahead of the checkpoint, which re-applying the same events makes good.
    /// </summary>
    Task SaveAsync(IReadOnlyCollection<ReadModelEntity> changes, ReadModelCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Removes every entity and the checkpoint (which then reads as <see cref="ReadModelCheckpoint.Start"/>).</summary>
    Task ClearAsync(CancellationToken cancellationToken);

    Task<ReadModelCheckpoint> GetCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when what is stored was written in a form this version can't read (an earlier storage format): the
    /// service then rebuilds the read models from the journal instead of loading them.
    /// </summary>
    Task<bool> NeedsRebuildAsync(CancellationToken cancellationToken);

    /// <summary>Lets go of what the underlying store cached while everything was read or written (a load, a rebuild).</summary>
    void ReleaseMemory();
}

/// <summary>One entity of one book: stored or loaded, or (with a null <see cref="Entity"/>) removed.</summary>
public sealed record ReadModelEntity(string Kind, string Key, object? Entity);
