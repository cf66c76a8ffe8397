using System.Runtime.CompilerServices;
using Finsam.Platform.Storage;
using Finsam.Reporting.Application.ReadModels;

namespace Finsam.Reporting.Infrastructure.ReadModels;

/// <summary>
/// The read models over the service's own document store (LiteDB or MongoDB), one collection: each book's entities
/// in buckets (<see cref="ReadModelBuckets"/>, <see cref="ReadModelEncoding"/>), written in batches, the checkpoint last.
/// </summary>
public sealed class DocumentReadModelStore(IDocumentStore store) : IReadModelStore
{
    /// <summary>
    /// At most this many documents per batch write: one transaction (LiteDB) or bulk write (MongoDB) per batch keeps a
    /// rebuild to seconds without holding all of it twice.
    /// </summary>
    public const int BatchSize = 500;

    /// <summary>
    /// ... and at most about this many (compressed) bytes. LiteDB holds a transaction's pages in memory until it
    /// commits and never gives its page cache back: one large transaction would keep that memory for the life of the process.
    /// </summary>
    public const int BatchBytes = 4 << 20;

    /// <summary>Buckets per page when loading: a few MB in LiteDB's cache at a time.</summary>
    public const int LoadPageSize = 100;

    private readonly IDocumentCollection<ReadModelDocument> _documents = store.Collection<ReadModelDocument>(ReadModelDocument.CollectionName);

    public async IAsyncEnumerable<ReadModelEntity> LoadAsync(string kind, Type entityType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = kind + ":";
        var after = prefix;
        while (true)
        {
            var page = await _documents.ListAfterAsync(after, LoadPageSize, cancellationToken);
            foreach (var document in page)
            {
                // Ids in order: the first that isn't this kind's is past the end of it.
                if (!document.Id.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield break;
                }

                foreach (var (key, entity) in ReadModelEncoding.DeserializeBucket(CurrentData(document), document.Length, entityType, document.Id))
                {
                    // The key through the pool too: it is the entity's own id (an enrolment id, a participant id), held once.
                    yield return new ReadModelEntity(kind, Domain.ReadModels.Interned.Of(key), entity);
                }
            }

            if (page.Count < LoadPageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    public async Task SaveAsync(IReadOnlyCollection<ReadModelEntity> changes, ReadModelCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var batch = new List<ReadModelDocument>();
        var bytes = 0;
        foreach (var bucket in changes.GroupBy(c => (c.Kind, Bucket: ReadModelBuckets.Of(c.Key))))
        {
            var id = ReadModelDocument.IdOf(bucket.Key.Kind, bucket.Key.Bucket);
            var stored = await _documents.GetAsync(id, cancellationToken);
            var entities = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var (key, json) in stored is null ? [] : Entities(stored))
            {
                entities[key] = json;
            }

            foreach (var change in bucket)
            {
                if (change.Entity is null)
                {
                    entities.Remove(change.Key);
                }
                else
                {
                    entities[change.Key] = ReadModelEncoding.Json(change.Entity, change.Entity.GetType());
                }
            }

            if (entities.Count == 0)
            {
                // Removals are rare (no book removes an entity today): a bucket they empty goes at once.
                await _documents.DeleteAsync(id, cancellationToken);
                continue;
            }

            var (data, length) = ReadModelEncoding.EncodeBucket(entities);
            batch.Add(new ReadModelDocument
            {
                Id = id, Kind = bucket.Key.Kind, Bucket = bucket.Key.Bucket, Entities = entities.Count, Data = data, Length = length,
                Format = ReadModelEncoding.Format,
            });
            bytes += data.Length;
            if (batch.Count == BatchSize || bytes >= BatchBytes)
            {
                await _documents.UpsertManyAsync(batch, cancellationToken);
                batch = [];
                bytes = 0;
            }
        }

        // The checkpoint goes in the last batch, after every entity: on LiteDB a small save is then one transaction,
        // and on either store a failure part-way never leaves the checkpoint ahead of the entities.
        var (checkpointData, checkpointLength) = ReadModelEncoding.EncodeValue(checkpoint, typeof(ReadModelCheckpoint));
        batch.Add(new ReadModelDocument
        {
            Id = ReadModelDocument.CheckpointId, Kind = ReadModelDocument.CheckpointId, Data = checkpointData, Length = checkpointLength,
            Format = ReadModelEncoding.Format,
        });
        await _documents.UpsertManyAsync(batch, cancellationToken);
    }

    public async Task ClearAsync(CancellationToken cancellationToken) => await _documents.DeleteAllAsync(cancellationToken);

    public async Task<ReadModelCheckpoint> GetCheckpointAsync(CancellationToken cancellationToken)
    {
        var document = await _documents.GetAsync(ReadModelDocument.CheckpointId, cancellationToken);
        return document is null
            ? ReadModelCheckpoint.Start
            : (ReadModelCheckpoint)ReadModelEncoding.DecodeValue(CurrentData(document), document.Length, typeof(ReadModelCheckpoint), document.Id);
    }

    /// <summary>
    /// True when the store holds read models of another <see cref="ReadModelEncoding.Format"/> (an earlier version of
    /// the service wrote them): they can't be read, and the journal rebuilds them. The first document in id order
    /// tells: the checkpoint sorts first, and without one (a rebuild that stopped part-way) any bucket will do.
    /// </summary>
    public async Task<bool> NeedsRebuildAsync(CancellationToken cancellationToken)
    {
        var first = await _documents.ListAfterAsync(null, 1, cancellationToken);
        return first.Count == 1 && first[0].Format != ReadModelEncoding.Format;
    }

    public void ReleaseMemory() => store.ReleaseMemory();

    /// <summary>A stored bucket's entities as key and JSON, in key order (what a rebuild and the incremental path are compared on).</summary>
    public static List<KeyValuePair<string, byte[]>> Entities(ReadModelDocument document) =>
        ReadModelEncoding.DecodeBucket(CurrentData(document), document.Length, document.Id);

    private static byte[] CurrentData(ReadModelDocument document) =>
        document.Format == ReadModelEncoding.Format && document.Data is { } data
            ? data
            : throw new InvalidDataException(
                $"Read model {document.Id} is stored in format {document.Format}, not {ReadModelEncoding.Format}: rebuild the read models from the journal.");
}
