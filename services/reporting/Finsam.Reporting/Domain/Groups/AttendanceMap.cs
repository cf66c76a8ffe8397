using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Finsam.Reporting.Domain.ReadModels;

namespace Finsam.Reporting.Domain.Groups;

/// <summary>
/// A träff's attendance, participant id → <see cref="AttendanceMark"/>, as two arrays sorted by id (ordinal): 24 bytes
/// an entry where a dictionary takes ~45 (its entry, bucket and slack). At the benchmark's 2,000,000 records that is
/// most of the groups' memory. A träff has a few dozen participants: a lookup is a binary search, and a change (once
/// per participant and recording) makes a new map, as the immutable read models do anyway. Sorted, it also
/// enumerates (and so serializes) the same way whatever order the recordings arrived in.
/// </summary>
[JsonConverter(typeof(AttendanceMapConverter))]
public sealed class AttendanceMap : IReadOnlyDictionary<string, AttendanceMark>
{
    public static readonly AttendanceMap Empty = new([], []);

    private readonly string[] _ids;
    private readonly AttendanceMark[] _marks;

    private AttendanceMap(string[] ids, AttendanceMark[] marks)
    {
        _ids = ids;
        _marks = marks;
    }

    public int Count => _ids.Length;

    public AttendanceMark this[string key] => TryGetValue(key, out var mark) ? mark : throw new KeyNotFoundException($"No attendance for {key}.");

    public IEnumerable<string> Keys => _ids;

    public IEnumerable<AttendanceMark> Values => _marks;

    /// <summary>The same map with <paramref name="participantId"/>'s mark set (added or replaced); the id through the pool.</summary>
    public AttendanceMap With(string participantId, AttendanceMark mark)
    {
        var at = Array.BinarySearch(_ids, participantId, StringComparer.Ordinal);
        if (at >= 0)
        {
            var marks = (AttendanceMark[])_marks.Clone();
            marks[at] = mark;
            return new AttendanceMap(_ids, marks);
        }

        var insertAt = ~at;
        var ids = new string[_ids.Length + 1];
        var newMarks = new AttendanceMark[_marks.Length + 1];
        Array.Copy(_ids, ids, insertAt);
        Array.Copy(_marks, newMarks, insertAt);
        ids[insertAt] = Interned.Of(participantId);
        newMarks[insertAt] = mark;
        Array.Copy(_ids, insertAt, ids, insertAt + 1, _ids.Length - insertAt);
        Array.Copy(_marks, insertAt, newMarks, insertAt + 1, _marks.Length - insertAt);
        return new AttendanceMap(ids, newMarks);
    }

    /// <summary>A map of the entries (a later one of the same id wins), sorted; for reading stored JSON.</summary>
    public static AttendanceMap Of(IEnumerable<KeyValuePair<string, AttendanceMark>> entries)
    {
        var latest = new Dictionary<string, AttendanceMark>(StringComparer.Ordinal);
        foreach (var (id, mark) in entries)
        {
            latest[id] = mark;
        }

        if (latest.Count == 0)
        {
            return Empty;
        }

        var ids = new string[latest.Count];
        var marks = new AttendanceMark[latest.Count];
        var i = 0;
        foreach (var (id, mark) in latest)
        {
            ids[i] = Interned.Of(id);
            marks[i++] = mark;
        }

        Array.Sort(ids, marks, StringComparer.Ordinal);
        return new AttendanceMap(ids, marks);
    }

    public bool ContainsKey(string key) => Array.BinarySearch(_ids, key, StringComparer.Ordinal) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out AttendanceMark value)
    {
        var at = Array.BinarySearch(_ids, key, StringComparer.Ordinal);
        value = at >= 0 ? _marks[at] : default;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, AttendanceMark>> GetEnumerator()
    {
        for (var i = 0; i < _ids.Length; i++)
        {
            yield return KeyValuePair.Create(_ids[i], _marks[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Counts the marks of one status without enumerating pairs (the group-work section counts present ones).</summary>
    public int CountOf(AttendanceStatus status)
    {
        var count = 0;
        foreach (var mark in _marks)
        {
            count += mark.Status == status ? 1 : 0;
        }

        return count;
    }
}

/// <summary>Written as a JSON object of participant id → mark, as a dictionary is; read back sorted, ids through the pool.</summary>
public sealed class AttendanceMapConverter : JsonConverter<AttendanceMap>
{
    public override AttendanceMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for attendance, found {reader.TokenType}.");
        }

        var entries = new List<KeyValuePair<string, AttendanceMark>>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return AttendanceMap.Of(entries);
            }

            var id = reader.GetString()!;
            reader.Read();
            entries.Add(KeyValuePair.Create(id, JsonSerializer.Deserialize<AttendanceMark>(ref reader, options)));
        }

        throw new JsonException("The attendance object was not closed.");
    }

    public override void Write(Utf8JsonWriter writer, AttendanceMap value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (id, mark) in value)
        {
            writer.WritePropertyName(id);
            JsonSerializer.Serialize(writer, mark, options);
        }

        writer.WriteEndObject();
    }
}
