using Finsam.Platform.Storage;

namespace Finsam.Reporting.Infrastructure.ReadModels;

/// <summary>
/// One stored read-model entity, or the checkpoint. All in one collection, so one batch can carry a projector's
/// changed entities and its checkpoint, and a rebuild can empty it in one call.
/// </summary>
public sealed class ReadModelDocument : IDocument
{
    public const string CollectionName = "read_models";

    /// <summary>The checkpoint's id and kind: "$" sorts before every book kind and no book is named so.</summary>
    public const string CheckpointId = "$checkpoint";

    /// <summary>"{kind}:{key}": a book's entities lie together in id order, so loading a book pages by id.</summary>
    public string Id { get; set; } = "";

    public long Version { get; set; }

    /// <summary>The book's kind, e.g. "stays".</summary>
    public string Kind { get; set; } = "";

    /// <summary>The entity's key within its book.</summary>
    public string Key { get; set; } = "";

    /// <summary>
    /// The entity (or the checkpoint) as UTF-8 JSON (<see cref="ReadModelJson"/>), Brotli-compressed
    /// (<see cref="ReadModelEncoding"/>). Null in documents of an earlier <see cref="ReadModelEncoding.Format"/>.
    /// </summary>
    public byte[]? Data { get; set; }

    /// <summary>The JSON's length in bytes before compression: the buffer to decompress into.</summary>
    public int Length { get; set; }

    /// <summary>
    /// The <see cref="ReadModelEncoding.Format"/> it was written in; 0 in documents from before formats were kept
    /// (JSON text in a field of its own, version keys as text).
    /// </summary>
    public int Format { get; set; }

    public static string IdOf(string kind, string key) => $"{kind}:{key}";
}
