using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Finsam.Reporting.Domain.ReadModels;

/// <summary>
/// An immutable string-keyed map as two arrays sorted by key (ordinal): 8 bytes an entry plus the value, where a
/// dictionary takes a header, a comparer, buckets and entries with room to grow — ~200 bytes before its first entry.
/// The read models hold millions of small maps (a träff's attendance, an assessment's scores, an enrolment's plans),
/// most of a few entries: this is most of what they save. A lookup is a binary search; a change
/// (<see cref="With"/>) makes a new map, as the immutable read models do anyway. Sorted, it enumerates (and so
/// serializes) the same way whatever order the entries came in. Keys go through the one pool (<see cref="Interned"/>).
/// </summary>
public sealed class SortedMap<TValue> : IReadOnlyDictionary<string, TValue>
{
    public static readonly SortedMap<TValue> Empty = new([], []);

    private readonly string[] _keys;
    private readonly TValue[] _values;

    private SortedMap(string[] keys, TValue[] values)
    {
        _keys = keys;
        _values = values;
    }

    public int Count => _keys.Length;

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No entry for {key}.");

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<TValue> Values => _values;

    /// <summary>The same map with <paramref name="key"/> set to <paramref name="value"/> (added or replaced).</summary>
    public SortedMap<TValue> With(string key, TValue value)
    {
        var at = Array.BinarySearch(_keys, key, StringComparer.Ordinal);
        if (at >= 0)
        {
            var values = (TValue[])_values.Clone();
            values[at] = value;
            return new SortedMap<TValue>(_keys, values);
        }

        var insertAt = ~at;
        var keys = new string[_keys.Length + 1];
        var newValues = new TValue[_values.Length + 1];
        Array.Copy(_keys, keys, insertAt);
        Array.Copy(_values, newValues, insertAt);
        keys[insertAt] = Interned.Of(key);
        newValues[insertAt] = value;
        Array.Copy(_keys, insertAt, keys, insertAt + 1, _keys.Length - insertAt);
        Array.Copy(_values, insertAt, newValues, insertAt + 1, _values.Length - insertAt);
        return new SortedMap<TValue>(keys, newValues);
    }

    /// <summary>A map of the entries (a later one of the same key wins), sorted.</summary>
    public static SortedMap<TValue> Of(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        if (entries is SortedMap<TValue> map)
        {
            return map;
        }

        var latest = new Dictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            latest[key] = value;
        }

        if (latest.Count == 0)
        {
            return Empty;
        }

        var keys = new string[latest.Count];
        var values = new TValue[latest.Count];
        var i = 0;
        foreach (var (key, value) in latest)
        {
            keys[i] = Interned.Of(key);
            values[i++] = value;
        }

        Array.Sort(keys, values, StringComparer.Ordinal);
        return new SortedMap<TValue>(keys, values);
    }

    public bool ContainsKey(string key) => Array.BinarySearch(_keys, key, StringComparer.Ordinal) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var at = Array.BinarySearch(_keys, key, StringComparer.Ordinal);
        value = at >= 0 ? _values[at] : default;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return KeyValuePair.Create(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// For a read-model property typed <c>IReadOnlyDictionary&lt;string, TValue&gt;</c>: written as a JSON object, as a
/// dictionary is; read back as a <see cref="SortedMap{TValue}"/>.
/// </summary>
public sealed class SortedMapConverter<TValue> : JsonConverter<IReadOnlyDictionary<string, TValue>>
{
    public override IReadOnlyDictionary<string, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for a map, found {reader.TokenType}.");
        }

        var entries = new List<KeyValuePair<string, TValue>>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return SortedMap<TValue>.Of(entries);
            }

            var key = reader.GetString()!;
            reader.Read();
            entries.Add(KeyValuePair.Create(key, JsonSerializer.Deserialize<TValue>(ref reader, options)!));
        }

        throw new JsonException("The map's object was not closed.");
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, TValue> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in value)
        {
            writer.WritePropertyName(key);
            JsonSerializer.Serialize(writer, item, options);
        }

        writer.WriteEndObject();
    }
}
