namespace Finsam.Platform.Storage;

/// <summary>
/// A write hit a unique index. Carries only the index name, never the duplicate value: the value may be
/// a personnummer, and exception messages end up in logs.
/// </summary>
public sealed class DuplicateKeyException(string collection, string index)
    : Exception($"Duplicate key in unique index '{index}' of collection '{collection}'.")
{
    public string Collection { get; } = collection;

    /// <summary>The indexed field's name ("_id" for the id).</summary>
    public string Index { get; } = index;
}
