using Finsam.Platform.Storage;

namespace Finsam.Platform.Inbox;

/// <summary>
/// "This consumer has claimed (or handled) this message." The id is "{consumer}:{messageId}", so the
/// unique _id index is the unique (consumer, message id) pair: a second claim fails, whichever store it is.
/// </summary>
public sealed class InboxRecord : IDocument
{
    public const string CollectionName = "inbox";
    public const string Processing = "processing";
    public const string Done = "done";

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string Consumer { get; set; } = "";

    public string MessageId { get; set; } = "";

    /// <summary><see cref="Processing"/> while a handler runs, <see cref="Done"/> after.</summary>
    public string Status { get; set; } = Processing;

    /// <summary>When the claim was made; after the consumer's lease it counts as abandoned and may be taken over.</summary>
    public DateTime ClaimedAt { get; set; }

    public DateTime? ProcessedAt { get; set; }

    public static string KeyFor(string consumer, Guid messageId) => $"{consumer}:{messageId}";
}
