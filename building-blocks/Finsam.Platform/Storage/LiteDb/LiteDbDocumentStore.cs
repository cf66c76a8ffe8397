using System.Globalization;
using Finsam.Platform.Outbox;
using LiteDB;

namespace Finsam.Platform.Storage.LiteDb;

/// <summary>
/// The embedded store: one LiteDB file per service, opened once for the process. Every write holds
/// <see cref="WriteGate"/>, so a read-check-write (version check, outbox update) can't interleave with
/// another write; one process owns the file, so an in-process lock is enough.
/// </summary>
public sealed class LiteDbDocumentStore : IDocumentStore, IDisposable
{
    private readonly ConnectionString _connection;
    private LiteDatabase _database;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);

    public LiteDbDocumentStore(string filePath)
    {
        Mapper = new BsonMapper { SerializeNullValues = false, TrimWhitespace = false, EmptyStringToNull = false };
        // Ordinal collation, as MongoDB compares strings: LiteDB's default (current culture, ignore case) would make
        // ids and unique values that differ only in case collide, and equality filters match across case.
        // LiteDB applies the collation when it creates a file; existing files keep theirs.
        _connection = new ConnectionString
        {
            Filename = filePath,
            Connection = ConnectionType.Direct,
            Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal),
        };
        _database = new LiteDatabase(_connection, Mapper);
    }

    public string Provider => "litedb";

    internal BsonMapper Mapper { get; }

    internal object WriteGate { get; } = new();

    internal LiteDatabase Database => _database;

    /// <summary>
    /// The collection, created in the file first if it isn't there yet. LiteDB 5 creates a collection on its first
    /// write, and a read that runs while another thread is creating one can fail with "page type must be collection
    /// page" and leave the engine unusable. Creating each collection once, under <see cref="WriteGate"/>, before
    /// anyone reads or writes it closes that window for every collection at once.
    /// </summary>
    internal ILiteCollection<T> CreatedCollection<T>(string name)
    {
        if (!_created.ContainsKey(name))
        {
            lock (WriteGate)
            {
                if (!_created.ContainsKey(name))
                {
                    // The _id index exists in every collection; ensuring it creates the collection and changes nothing else.
                    _database.GetCollection(name).EnsureIndex("_id", "$._id", unique: true);
                    _created[name] = true;
                }
            }
        }

        return _database.GetCollection<T>(name);
    }

    public IDocumentCollection<T> Collection<T>(string name) where T : class, IDocument => new LiteDbDocumentCollection<T>(this, name);

    public Task<IReadOnlyList<PendingOutboxMessage>> GetPendingOutboxAsync(string collection, int max, CancellationToken cancellationToken = default)
    {
        // Read under the gate, as every collection read is (see LiteDbDocumentCollection.GetAsync).
        List<BsonDocument> documents;
        lock (WriteGate)
        {
            documents = _database.GetCollection(collection).Find(Query.EQ(nameof(OutboxDocument.OutboxPending), true)).ToList();
        }

        var pending = new List<PendingOutboxMessage>();
        foreach (var document in documents.OrderBy(d => d["_id"].AsString, StringComparer.Ordinal))
        {
            foreach (var entry in document[nameof(OutboxDocument.Outbox)].AsArray)
            {
                pending.Add(new PendingOutboxMessage(collection, document["_id"].AsString, Mapper.ToObject<OutboxEntry>(entry.AsDocument)));
                if (pending.Count >= max)
                {
                    return Task.FromResult<IReadOnlyList<PendingOutboxMessage>>(pending);
                }
            }
        }

        return Task.FromResult<IReadOnlyList<PendingOutboxMessage>>(pending);
    }

    public Task MarkOutboxDispatchedAsync(string collection, string documentId, string messageId, CancellationToken cancellationToken = default)
    {
        lock (WriteGate)
        {
            var documents = _database.GetCollection(collection);
            var document = documents.FindById(documentId);
            if (document is null)
            {
                return Task.CompletedTask;
            }

            var remaining = new BsonArray(document[nameof(OutboxDocument.Outbox)].AsArray
                .Where(e => e.AsDocument[nameof(OutboxEntry.MessageId)].AsString != messageId));
            document[nameof(OutboxDocument.Outbox)] = remaining;
            document[nameof(OutboxDocument.OutboxPending)] = remaining.Count > 0;
            documents.Update(document);
        }

        return Task.CompletedTask;
    }

    public Task PingAsync(CancellationToken cancellationToken = default)
    {
        lock (WriteGate)
        {
            _ = _database.GetCollectionNames().Count();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Closes the file and opens it again, under <see cref="WriteGate"/> (every read and write holds it, so none is in
    /// flight). LiteDB 5 keeps every page it ever needed at once in its cache and never gives one back while the file
    /// is open (litedb-org/LiteDB#2813): after a pass over a large collection (reporting's rebuild reads millions of
    /// journal entries) that is hundreds of MB held for nothing. Reopening is the only way to free it.
    /// </summary>
    public void ReleaseMemory()
    {
        lock (WriteGate)
        {
            _database.Dispose();
            _database = new LiteDatabase(_connection, Mapper);
        }
    }

    public void Dispose() => _database.Dispose();
}
