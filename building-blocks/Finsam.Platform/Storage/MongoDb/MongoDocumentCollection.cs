using System.Linq.Expressions;
using System.Text.RegularExpressions;
using MongoDB.Driver;

namespace Finsam.Platform.Storage.MongoDb;

internal sealed partial class MongoDocumentCollection<T>(IMongoCollection<T> collection) : IDocumentCollection<T>
    where T : class, IDocument
{
    private static readonly FilterDefinitionBuilder<T> Filter = Builders<T>.Filter;

    public async Task EnsureIndexAsync(string field, bool unique, CancellationToken cancellationToken = default)
    {
        // Named after the field, as in LiteDB, so a duplicate-key error names the same index on both stores.
        var model = new CreateIndexModel<T>(
            Builders<T>.IndexKeys.Ascending(field),
            new CreateIndexOptions { Name = field, Unique = unique });
        await collection.Indexes.CreateOneAsync(model, cancellationToken: cancellationToken);
    }

    public async Task InsertAsync(T document, CancellationToken cancellationToken = default)
    {
        document.Version = 1;
        try
        {
            await collection.InsertOneAsync(document, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            throw ToDuplicateKey(ex);
        }
    }

    public async Task<T?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await collection.Find(Filter.Eq(d => d.Id, id)).FirstOrDefaultAsync(cancellationToken);

    public async Task<bool> ReplaceAsync(T document, long expectedVersion, CancellationToken cancellationToken = default)
    {
        document.Version = expectedVersion + 1;
        try
        {
            var result = await collection.ReplaceOneAsync(
                Filter.Eq(d => d.Id, document.Id) & Filter.Eq(d => d.Version, expectedVersion),
                document,
                cancellationToken: cancellationToken);
            if (result.MatchedCount == 1)
            {
                return true;
            }
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            document.Version = expectedVersion;
            throw ToDuplicateKey(ex);
        }

        document.Version = expectedVersion;
        return false;
    }

    public async Task UpsertAsync(T document, CancellationToken cancellationToken = default)
    {
        if (document.Version == 0)
        {
            document.Version = 1;
        }

        try
        {
            await collection.ReplaceOneAsync(Filter.Eq(d => d.Id, document.Id), document, new ReplaceOptions { IsUpsert = true }, cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            throw ToDuplicateKey(ex);
        }
    }

    public async Task UpsertManyAsync(IReadOnlyCollection<T> documents, CancellationToken cancellationToken = default)
    {
        // The server refuses an empty bulk write; an empty batch writes nothing anyway.
        if (documents.Count == 0)
        {
            return;
        }

        var writes = new List<WriteModel<T>>(documents.Count);
        foreach (var document in documents)
        {
            if (document.Version == 0)
            {
                document.Version = 1;
            }

            writes.Add(new ReplaceOneModel<T>(Filter.Eq(d => d.Id, document.Id), document) { IsUpsert = true });
        }

        try
        {
            await collection.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = true }, cancellationToken);
        }
        catch (MongoBulkWriteException<T> ex) when (ex.WriteErrors.Any(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
            var error = ex.WriteErrors.First(e => e.Category == ServerErrorCategory.DuplicateKey);
            throw ToDuplicateKey(error.Message);
        }
    }

    public async Task<IReadOnlyList<T>> FindAsync(Expression<Func<T, bool>> filter, int limit = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var find = collection.Find(filter);
        if (limit != int.MaxValue)
        {
            find = find.Limit(limit);
        }

        return await find.ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<T>> FindOrderedAsync<TKey>(
        Expression<Func<T, bool>> filter,
        Expression<Func<T, TKey>> orderBy,
        int limit,
        CancellationToken cancellationToken = default) =>
        await collection.Find(filter)
            .Sort(Builders<T>.Sort.Ascending(new ExpressionFieldDefinition<T, TKey>(orderBy)))
            .Limit(limit)
            .ToListAsync(cancellationToken);

    public Task<long> CountAsync(Expression<Func<T, bool>>? filter = null, CancellationToken cancellationToken = default) =>
        collection.CountDocumentsAsync(filter is null ? Filter.Empty : Filter.Where(filter), cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<T>> ListAfterAsync(string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        var filter = afterId is null ? Filter.Empty : Filter.Gt(d => d.Id, afterId);
        return await collection.Find(filter).Sort(Builders<T>.Sort.Ascending(d => d.Id)).Limit(limit).ToListAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        (await collection.DeleteOneAsync(Filter.Eq(d => d.Id, id), cancellationToken)).DeletedCount == 1;

    public async Task<long> DeleteAllAsync(CancellationToken cancellationToken = default) =>
        (await collection.DeleteManyAsync(Filter.Empty, cancellationToken)).DeletedCount;

    // The server's message names the index and the duplicate value; keep only the index name.
    private DuplicateKeyException ToDuplicateKey(MongoWriteException ex) => ToDuplicateKey(ex.WriteError.Message);

    private DuplicateKeyException ToDuplicateKey(string serverMessage)
    {
        var match = IndexName().Match(serverMessage);
        var index = match.Success ? match.Groups[1].Value : "unknown";
        return new DuplicateKeyException(collection.CollectionNamespace.CollectionName, index == "_id_" ? "_id" : index);
    }

    [GeneratedRegex(@"index: (\S+)")]
    private static partial Regex IndexName();
}
