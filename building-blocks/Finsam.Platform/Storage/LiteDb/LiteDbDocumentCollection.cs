using System.Linq.Expressions;
using System.Text.RegularExpressions;
using LiteDB;

namespace Finsam.Platform.Storage.LiteDb;

internal sealed partial class LiteDbDocumentCollection<T>(LiteDbDocumentStore store, string name) : IDocumentCollection<T>
    where T : class, IDocument
{
    // Asked of the store at each use, under its gate: the store may have opened its file again (ReleaseMemory).
    private ILiteCollection<T> Lite => store.CreatedCollection<T>(name);

    public Task EnsureIndexAsync(string field, bool unique, CancellationToken cancellationToken = default)
    {
        // Building an index writes pages: under the gate like every other write.
        lock (store.WriteGate)
        {
            Lite.EnsureIndex(field, $"$.{field}", unique);
        }

        return Task.CompletedTask;
    }

    public Task InsertAsync(T document, CancellationToken cancellationToken = default)
    {
        document.Version = 1;
        try
        {
            lock (store.WriteGate)
            {
                Lite.Insert(document);
            }
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw ToDuplicateKey(ex);
        }

        return Task.CompletedTask;
    }

    // Reads go through the gate too. LiteDB 5 lets reads run beside a write, but a read that meets a write allocating
    // pages has been seen to fail with "page type must be collection page" and leave the engine unusable (journal
    // appends in parallel). One process owns the file and the read models are served from memory, so the cost of
    // serializing its reads is small next to a corrupted engine.
    public Task<T?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<T?>(Read(() => Lite.FindById(id)));

    public Task<bool> ReplaceAsync(T document, long expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (store.WriteGate)
        {
            var stored = store.Database.GetCollection(name).FindById(document.Id);
            if (stored is null || stored[nameof(IDocument.Version)].AsInt64 != expectedVersion)
            {
                return Task.FromResult(false);
            }

            document.Version = expectedVersion + 1;
            try
            {
                Lite.Update(document);
            }
            catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                document.Version = expectedVersion;
                throw ToDuplicateKey(ex);
            }

            return Task.FromResult(true);
        }
    }

    public Task UpsertAsync(T document, CancellationToken cancellationToken = default)
    {
        if (document.Version == 0)
        {
            document.Version = 1;
        }

        try
        {
            lock (store.WriteGate)
            {
                Lite.Upsert(document);
            }
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw ToDuplicateKey(ex);
        }

        return Task.CompletedTask;
    }

    public Task UpsertManyAsync(IReadOnlyCollection<T> documents, CancellationToken cancellationToken = default)
    {
        foreach (var document in documents)
        {
            if (document.Version == 0)
            {
                document.Version = 1;
            }
        }

        try
        {
            // LiteDB writes an enumerable in one transaction: all of the batch or none of it.
            lock (store.WriteGate)
            {
                Lite.Upsert(documents);
            }
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw ToDuplicateKey(ex);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<T>> FindAsync(Expression<Func<T, bool>> filter, int limit = int.MaxValue, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<T>>(Read(() => Lite.Find(filter, 0, limit).ToList()));

    public Task<IReadOnlyList<T>> FindOrderedAsync<TKey>(
        Expression<Func<T, bool>> filter,
        Expression<Func<T, TKey>> orderBy,
        int limit,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<T>>(Read(() => Lite.Query().Where(filter).OrderBy(orderBy).Limit(limit).ToList()));

    public Task<long> CountAsync(Expression<Func<T, bool>>? filter = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(() => filter is null ? Lite.LongCount() : Lite.LongCount(filter)));

    public Task<IReadOnlyList<T>> ListAfterAsync(string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        return Task.FromResult<IReadOnlyList<T>>(Read(() =>
        {
            var query = Lite.Query();
            if (afterId is not null)
            {
                query = query.Where(Query.GT("_id", afterId));
            }

            return query.OrderBy("_id").Limit(limit).ToList();
        }));
    }

    private TResult Read<TResult>(Func<TResult> read)
    {
        lock (store.WriteGate)
        {
            return read();
        }
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (store.WriteGate)
        {
            return Task.FromResult(Lite.Delete(id));
        }
    }

    public Task<long> DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        lock (store.WriteGate)
        {
            return Task.FromResult((long)Lite.DeleteAll());
        }
    }

    // LiteDB reports the index in its message along with the duplicate value; keep only the index name.
    private DuplicateKeyException ToDuplicateKey(LiteException ex)
    {
        var match = IndexName().Match(ex.Message);
        return new DuplicateKeyException(name, match.Success ? match.Groups[1].Value : "unknown");
    }

    [GeneratedRegex("index '([^']+)'")]
    private static partial Regex IndexName();
}
