using Finsam.Platform.Storage;

namespace Finsam.Reporting.Infrastructure.ReadModels;

/// <summary>
/// One bucket of a book's entities (see <see cref="ReadModelBuckets"/>), or the checkpoint. All in one collection, so
/// one batch can carry a projector's changed buckets and its checkpoint, and a rebuild can empty it in one call.
/// </summary>
/// <remarks>
/// Buckets, not a document per entity: a document store's cost is mostly per document (LiteDB took ~100 µs to
/// upsert one, whatever its size), and the benchmark's read models are 730,000 entities — over a minute of a rebuild
/// spent on bookkeeping. A book in at most <see cref="ReadModelBuckets.Count"/> documents is written in seconds, and a
/// bucket's entities compress together far better than each alone.
/// </remarks>
public sealed class ReadModelDocument : IDocument
{
    public const string CollectionName = "read_models";

    /// <summary>The checkpoint's id and kind: "$" sorts before every book kind and no book is named so.</summary>
    public const string CheckpointId = "$checkpoint";

    /// <summary>"{kind}:{bucket}" (four digits): a book's buckets lie together in id order, so loading a book pages by id.</summary>
    public string Id { get; set; } = "";

    public long Version { get; set; }

    /// <summary>The book's kind, e.g. "stays".</summary>
    public string Kind { get; set; } = "";

    /// <summary>The bucket's number within its book (<see cref="ReadModelBuckets.Of"/> of each entity's key).</summary>
    public int Bucket { get; set; }

    /// <summary>How many entities the bucket holds.</summary>
    public int Entities { get; set; }

    /// <summary>
    /// The bucket's entities (key and JSON each, in key order) or the checkpoint's JSON, Brotli-compressed
    /// (<see cref="ReadModelEncoding"/>). Null in documents of an earlier <see cref="ReadModelEncoding.Format"/>.
    /// </summary>
    public byte[]? Data { get; set; }

    /// <summary>The length in bytes before compression: the buffer to decompress into.</summary>
    public int Length { get; set; }

    /// <summary>
    /// The <see cref="ReadModelEncoding.Format"/> it was written in; 0 in documents from before formats were kept
    /// (a document per entity, JSON text in a field of its own).
    /// </summary>
    public int Format { get; set; }

    public static string IdOf(string kind, int bucket) => $"{kind}:{bucket:D4}";
}
