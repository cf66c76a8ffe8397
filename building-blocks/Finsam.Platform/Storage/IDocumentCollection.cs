using System.Linq.Expressions;

namespace Finsam.Platform.Storage;

/// <summary>
/// One collection of documents. Every write is a single-document write, which both stores make atomic, except the
/// batch writes (<see cref="UpsertManyAsync"/>, <see cref="DeleteAllAsync"/>) meant for read models that are rebuilt
/// from facts.
/// </summary>
public interface IDocumentCollection<T> where T : class, IDocument
{
    /// <summary>Creates an index on a top-level field (named as the C# property). Idempotent.</summary>
    Task EnsureIndexAsync(string field, bool unique, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new document with Version 1. Throws <see cref="DuplicateKeyException"/> on a taken id or unique field.</summary>
    Task InsertAsync(T document, CancellationToken cancellationToken = default);

    Task<T?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the document if its stored version is still <paramref name="expectedVersion"/>, and sets
    /// <c>Version</c> to expectedVersion + 1. Returns false (and writes nothing) when someone else changed it first.
    /// </summary>
    Task<bool> ReplaceAsync(T document, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Inserts or overwrites by id. For read models that are rebuilt from facts, not for aggregates.</summary>
    Task UpsertAsync(T document, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts or overwrites each document by id, as <see cref="UpsertAsync"/> does, in one round trip: a read model
    /// written by the hundred thousand can't afford a write per document. Documents are written in the order given
    /// (the same id twice: the later wins). On LiteDB the batch is one transaction; on MongoDB an ordered bulk write,
    /// so a failure part-way leaves the documents before it written and none after it — callers write what must come
    /// last (a checkpoint) last. Throws <see cref="DuplicateKeyException"/> when a document hits a unique index.
    /// </summary>
    Task UpsertManyAsync(IReadOnlyCollection<T> documents, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<T>> FindAsync(Expression<Func<T, bool>> filter, int limit = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> matching documents in ascending <paramref name="orderBy"/> order (a top-level
    /// field; give it an index). For reading a log in its own order, e.g. reporting's event journal by sequence.
    /// </summary>
    Task<IReadOnlyList<T>> FindOrderedAsync<TKey>(
        Expression<Func<T, bool>> filter,
        Expression<Func<T, TKey>> orderBy,
        int limit,
        CancellationToken cancellationToken = default);

    Task<long> CountAsync(Expression<Func<T, bool>>? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Documents in id order, starting after <paramref name="afterId"/> (null: from the start). For paging.</summary>
    Task<IReadOnlyList<T>> ListAfterAsync(string? afterId, int limit, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Removes every document (the indexes stay); returns how many. For rebuilding a read model from scratch.</summary>
    Task<long> DeleteAllAsync(CancellationToken cancellationToken = default);
}
