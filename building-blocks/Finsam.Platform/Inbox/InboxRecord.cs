using Finsam.Platform.Storage;

namespace Finsam.Platform.Inbox;

/// <summary>
/// "This consumer has handled this message." The id is "{consumer}:{messageId}", so the unique _id
/// index is the unique (consumer, message id) pair: a second insert fails, whichever store it is.
/// </summary>
public sealed class InboxRecord : IDocument
{
    public const string CollectionName = "inbox";

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string Consumer { get; set; } = "";

    public string MessageId { get; set; } = "";

    public DateTime ProcessedAt { get; set; }

    public static string KeyFor(string consumer, Guid messageId) => $"{consumer}:{messageId}";
}
