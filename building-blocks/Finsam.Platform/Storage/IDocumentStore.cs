using Finsam.Platform.Outbox;

namespace Finsam.Platform.Storage;

/// <summary>
/// The storage port every service writes through. Two adapters implement it: LiteDB (embedded, one
/// file per service) and MongoDB (production). Both pass the same contract tests.
/// </summary>
public interface IDocumentStore
{
    /// <summary>"litedb" or "mongodb", for health output and logs.</summary>
    string Provider { get; }

    IDocumentCollection<T> Collection<T>(string name) where T : class, IDocument;

    /// <summary>Events waiting in documents of <paramref name="collection"/>, oldest documents first.</summary>
    Task<IReadOnlyList<PendingOutboxMessage>> GetPendingOutboxAsync(string collection, int max, CancellationToken cancellationToken = default);

    /// <summary>Removes one dispatched event from its document; the document's own data is untouched.</summary>
    Task MarkOutboxDispatchedAsync(string collection, string documentId, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Throws when the store cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Lets go of what the store caches for itself, after a pass over much of its data (a rebuild). LiteDB holds its
    /// page cache for as long as the file is open; MongoDB's driver holds nothing of the kind, so there it does nothing.
    /// </summary>
    void ReleaseMemory();
}
