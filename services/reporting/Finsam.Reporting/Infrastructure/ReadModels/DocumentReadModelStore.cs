using System.Runtime.CompilerServices;
using System.Text.Json;
using Finsam.Platform.Storage;
using Finsam.Reporting.Application.ReadModels;

namespace Finsam.Reporting.Infrastructure.ReadModels;

/// <summary>The read models over the service's own document store (LiteDB or MongoDB), one collection, written in batches.</summary>
public sealed class DocumentReadModelStore(IDocumentStore store) : IReadModelStore
{
    /// <summary>
    /// Documents per batch write and per page read. A rebuild writes a couple of hundred thousand entities: one
    /// transaction (LiteDB) or bulk write (MongoDB) per batch keeps that to seconds without holding all of them twice.
    /// </summary>
    public const int BatchSize = 5_000;

    private readonly IDocumentCollection<ReadModelDocument> _documents = store.Collection<ReadModelDocument>(ReadModelDocument.CollectionName);

    public async IAsyncEnumerable<ReadModelEntity> LoadAsync(string kind, Type entityType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = ReadModelDocument.IdOf(kind, "");
        var after = prefix;
        while (true)
        {
            var page = await _documents.ListAfterAsync(after, BatchSize, cancellationToken);
            foreach (var document in page)
            {
                // Ids in order: the first that isn't this kind's is past the end of it.
                if (!document.Id.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield break;
                }

                var entity = JsonSerializer.Deserialize(document.Json, entityType, ReadModelJson.Options)
                    ?? throw new InvalidOperationException($"Read model {document.Id} is empty.");
                // The key through the pool too: it is the entity's own id (an enrolment id, a participant id), held once.
                yield return new ReadModelEntity(kind, Domain.ReadModels.Interned.Of(document.Key), entity);
            }

            if (page.Count < BatchSize)
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
        var documents = changes.Where(c => c.Entity is not null).Select(ToDocument).Append(CheckpointDocument(checkpoint));
        foreach (var batch in documents.Chunk(BatchSize))
        {
            await _documents.UpsertManyAsync(batch, cancellationToken);
        }
    }

    public async Task ClearAsync(CancellationToken cancellationToken) => await _documents.DeleteAllAsync(cancellationToken);

    public async Task<ReadModelCheckpoint> GetCheckpointAsync(CancellationToken cancellationToken)
    {
        var document = await _documents.GetAsync(ReadModelDocument.CheckpointId, cancellationToken);
        return document is null
            ? ReadModelCheckpoint.Start
            : JsonSerializer.Deserialize<ReadModelCheckpoint>(document.Json, ReadModelJson.Options) ?? ReadModelCheckpoint.Start;
    }

    private static ReadModelDocument ToDocument(ReadModelEntity entity) => new()
    {
        Id = ReadModelDocument.IdOf(entity.Kind, entity.Key),
        Kind = entity.Kind,
        Key = entity.Key,
        Json = JsonSerializer.Serialize(entity.Entity, entity.Entity!.GetType(), ReadModelJson.Options),
    };

    private static ReadModelDocument CheckpointDocument(ReadModelCheckpoint checkpoint) => new()
    {
        Id = ReadModelDocument.CheckpointId,
        Kind = ReadModelDocument.CheckpointId,
        Key = "",
        Json = JsonSerializer.Serialize(checkpoint, ReadModelJson.Options),
    };
}
