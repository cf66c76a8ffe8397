using Finsam.Platform.Outbox;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace Finsam.Platform.Storage.MongoDb;

/// <summary>
/// The production store. Works on a standalone server: every write is a single-document write, and
/// pending events travel inside their document, so no multi-document transaction is needed.
/// </summary>
public sealed class MongoDocumentStore : IDocumentStore
{
    private static readonly Lock ConventionGate = new();
    private static bool _conventionsRegistered;

    public MongoDocumentStore(string connectionString, string databaseName)
    {
        RegisterConventions();
        Database = new MongoClient(connectionString).GetDatabase(databaseName);
    }

    public string Provider => "mongodb";

    internal IMongoDatabase Database { get; }

    public IDocumentCollection<T> Collection<T>(string name) where T : class, IDocument => new MongoDocumentCollection<T>(Database.GetCollection<T>(name));

    public async Task<IReadOnlyList<PendingOutboxMessage>> GetPendingOutboxAsync(string collection, int max, CancellationToken cancellationToken = default)
    {
        var documents = await Database.GetCollection<BsonDocument>(collection)
            .Find(Builders<BsonDocument>.Filter.Eq(nameof(OutboxDocument.OutboxPending), true))
            .Sort(Builders<BsonDocument>.Sort.Ascending("_id"))
            .Project(Builders<BsonDocument>.Projection.Include(nameof(OutboxDocument.Outbox)))
            .Limit(max)
            .ToListAsync(cancellationToken);

        var pending = new List<PendingOutboxMessage>();
        foreach (var document in documents)
        {
            foreach (var entry in document[nameof(OutboxDocument.Outbox)].AsBsonArray)
            {
                pending.Add(new PendingOutboxMessage(collection, document["_id"].AsString, BsonSerializer.Deserialize<OutboxEntry>(entry.AsBsonDocument)));
                if (pending.Count >= max)
                {
                    return pending;
                }
            }
        }

        return pending;
    }

    public async Task MarkOutboxDispatchedAsync(string collection, string documentId, string messageId, CancellationToken cancellationToken = default)
    {
        var documents = Database.GetCollection<BsonDocument>(collection);
        var byId = Builders<BsonDocument>.Filter.Eq("_id", documentId);
        await documents.UpdateOneAsync(
            byId,
            Builders<BsonDocument>.Update.PullFilter(
                nameof(OutboxDocument.Outbox),
                Builders<BsonDocument>.Filter.Eq(nameof(OutboxEntry.MessageId), messageId)),
            cancellationToken: cancellationToken);

        // Clear the flag only if nothing new was queued meanwhile; otherwise it stays set and is found next round.
        await documents.UpdateOneAsync(
            byId & Builders<BsonDocument>.Filter.Size(nameof(OutboxDocument.Outbox), 0),
            Builders<BsonDocument>.Update.Set(nameof(OutboxDocument.OutboxPending), false),
            cancellationToken: cancellationToken);
    }

    /// <summary>Nothing to let go: the driver caches no data (the server does, in its own process).</summary>
    public void ReleaseMemory()
    {
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        Database.RunCommandAsync((Command<BsonDocument>)"{ ping: 1 }", cancellationToken: cancellationToken);

    private static void RegisterConventions()
    {
        lock (ConventionGate)
        {
            if (_conventionsRegistered)
            {
                return;
            }

            // Documents may gain fields over time; old readers must not fail on them.
            ConventionRegistry.Register("finsam", new ConventionPack { new IgnoreExtraElementsConvention(true) }, _ => true);
            BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
            _conventionsRegistered = true;
        }
    }
}
