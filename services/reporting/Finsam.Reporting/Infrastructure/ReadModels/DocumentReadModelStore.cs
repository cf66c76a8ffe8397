using System.Runtime.CompilerServices;
using Finsam.Platform.Storage;
using Finsam.Reporting.Application.ReadModels;

namespace Finsam.Reporting.Infrastructure.ReadModels;

/// <summary>
/// The read models over the service's own document store (LiteDB or MongoDB), one collection, written in batches,
/// each entity compressed JSON (<see cref="ReadModelEncoding"/>).
/// </summary>
public sealed class DocumentReadModelStore(IDocumentStore store) : IReadModelStore
{
    /// <summary>
    /// At most this many documents per batch write: one transaction (LiteDB) or bulk write (MongoDB) per batch keeps a
    /// rebuild's hundreds of thousands of entities to seconds without holding all of them twice.
    /// </summary>
    public const int BatchSize = 5_000;

    /// <summary>
    /// ... and at most about this many bytes. LiteDB holds a transaction's pages in memory until it commits and never
    /// gives its page cache back: a batch of 5,000 groups (~60 KB each) would keep ~300 MB for the life of the process.
    /// </summary>
    public const int BatchBytes = 4 << 20;

    /// <summary>Documents per page when loading: few enough that a page of the largest entities stays a few MB in LiteDB's cache.</summary>
    public const int LoadPageSize = 500;

    private readonly IDocumentCollection<ReadModelDocument> _documents = store.Collection<ReadModelDocument>(ReadModelDocument.CollectionName);

    public async IAsyncEnumerable<ReadModelEntity> LoadAsync(string kind, Type entityType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = ReadModelDocument.IdOf(kind, "");
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

                var entity = Decode(document, entityType);
                // The key through the pool too: it is the entity's own id (an enrolment id, a participant id), held once.
                yield return new ReadModelEntity(kind, Domain.ReadModels.Interned.Of(document.Key), entity);
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
        // Removals first, one by one: no book removes an entity today, so there are none or very few.
        foreach (var removed in changes.Where(c => c.Entity is null))
        {
            await _documents.DeleteAsync(ReadModelDocument.IdOf(removed.Kind, removed.Key), cancellationToken);
        }

        // The checkpoint goes in the last batch, after every entity: on LiteDB a small save is then one transaction,
        // and on either store a failure part-way never leaves the checkpoint ahead of the entities.
        var documents = changes.Where(c => c.Entity is not null)
            .Select(c => ToDocument(c.Kind, c.Key, c.Entity!, c.Entity!.GetType()))
            .Append(ToDocument(ReadModelDocument.CheckpointId, "", checkpoint, typeof(ReadModelCheckpoint)));
        var batch = new List<ReadModelDocument>();
        var bytes = 0;
        foreach (var document in documents)
        {
            batch.Add(document);
            bytes += document.Data!.Length;
            if (batch.Count == BatchSize || bytes >= BatchBytes)
            {
                await _documents.UpsertManyAsync(batch, cancellationToken);
                batch = [];
                bytes = 0;
            }
        }

        if (batch.Count > 0)
        {
            await _documents.UpsertManyAsync(batch, cancellationToken);
        }
    }

    public async Task ClearAsync(CancellationToken cancellationToken) => await _documents.DeleteAllAsync(cancellationToken);

    public async Task<ReadModelCheckpoint> GetCheckpointAsync(CancellationToken cancellationToken)
    {
        var document = await _documents.GetAsync(ReadModelDocument.CheckpointId, cancellationToken);
        return document is null ? ReadModelCheckpoint.Start : (ReadModelCheckpoint)Decode(document, typeof(ReadModelCheckpoint));
    }

    /// <summary>
    /// True when the store holds read models of another <see cref="ReadModelEncoding.Format"/> (an earlier version of
    /// the service wrote them): they can't be read, and the journal rebuilds them. The first document in id order
    /// tells: the checkpoint sorts first, and without one (a rebuild that stopped part-way) any entity will do.
    /// </summary>
    public async Task<bool> NeedsRebuildAsync(CancellationToken cancellationToken)
    {
        var first = await _documents.ListAfterAsync(null, 1, cancellationToken);
        return first.Count == 1 && first[0].Format != ReadModelEncoding.Format;
    }

    private static ReadModelDocument ToDocument(string kind, string key, object entity, Type type)
    {
        var (data, length) = ReadModelEncoding.Encode(entity, type);
        return new ReadModelDocument
        {
            Id = kind == ReadModelDocument.CheckpointId ? ReadModelDocument.CheckpointId : ReadModelDocument.IdOf(kind, key),
            Kind = kind,
            Key = key,
            Data = data,
            Length = length,
            Format = ReadModelEncoding.Format,
        };
    }

    private static object Decode(ReadModelDocument document, Type type) =>
        document.Format == ReadModelEncoding.Format && document.Data is { } data
            ? ReadModelEncoding.Decode(data, document.Length, type, document.Id)
            : throw new InvalidDataException(
                $"Read model {document.Id} is stored in format {document.Format}, not {ReadModelEncoding.Format}: rebuild the read models from the journal.");
}
