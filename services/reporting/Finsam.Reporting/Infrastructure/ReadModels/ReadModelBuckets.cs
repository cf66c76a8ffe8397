namespace Finsam.Reporting.Infrastructure.ReadModels;

/// <summary>
/// Which bucket (stored document) of its book an entity goes in: a hash of its key, the same in every process and on
/// every machine (string.GetHashCode is randomised per process, so it can't be used for anything stored).
/// </summary>
/// <remarks>
/// 1,024 buckets a book: at the benchmark's 150,000 stays a bucket holds ~150 of them (~100 KB of JSON, ~25 KB
/// stored), small enough that rewriting the few buckets a batch of events touches costs milliseconds, and few enough
/// that a rebuild writes thousands of documents, not hundreds of thousands. Changing the count moves every entity:
/// it needs a new <see cref="ReadModelEncoding.Format"/>, which rebuilds the store.
/// </remarks>
public static class ReadModelBuckets
{
    public const int Count = 1024;

    /// <summary>FNV-1a (32 bits) over the key's UTF-16 code units, modulo <see cref="Count"/>.</summary>
    public static int Of(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }
}
