using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Finsam.Reporting.Infrastructure.ReadModels;

/// <summary>
/// How a bucket of entities becomes a document's bytes and back: each entity as JSON (<see cref="ReadModelJson"/>)
/// after its key, framed by lengths, the whole compressed with Brotli at its fastest quality. At the benchmark's
/// scale the read models are ~700 MB of JSON and a fifth of that stored: a full rebuild writes all of it.
/// </summary>
/// <remarks>
/// The framing, repeated for each entity in ordinal key order: the key's UTF-8 length (7-bit encoded), the key, the
/// JSON's length (7-bit encoded), the JSON. An entity's JSON is kept as bytes between a read and a write of its
/// bucket, so changing one entity re-encodes the bucket without deserializing the others.
/// </remarks>
public static class ReadModelEncoding
{
    /// <summary>
    /// The stored format. A store written in another one is rebuilt from the journal at start-up (see
    /// <see cref="DocumentReadModelStore.NeedsRebuildAsync"/>) instead of being read. 2: buckets of compressed entities,
    /// fact version keys as numbers (0, before formats: a document per entity, JSON text, version keys as text).
    /// </summary>
    public const int Format = 2;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_framed;

    private const int Quality = 1;
    private const int Window = 22;

    public static byte[] Json(object entity, Type type) => JsonSerializer.SerializeToUtf8Bytes(entity, type, ReadModelJson.Options);

    /// <summary>Frames and compresses a bucket's entities, which must be in ordinal key order.</summary>
    /// <remarks>
    /// The framing buffer is the thread's own and reused: a bucket is ~100 KB, above the large-object threshold, and a
    /// rebuild encodes thousands of them; fresh buffers each would be garbage that only a full collection frees.
    /// </remarks>
    public static (byte[] Data, int Length) EncodeBucket(IEnumerable<KeyValuePair<string, byte[]>> entities)
    {
        var framed = t_framed ??= new ArrayBufferWriter<byte>(256 * 1024);
        framed.ResetWrittenCount();
        foreach (var (key, json) in entities)
        {
            WriteLength(framed, Encoding.UTF8.GetByteCount(key));
            Encoding.UTF8.GetBytes(key, framed);
            WriteLength(framed, json.Length);
            framed.Write(json);
        }

        return Compress(framed.WrittenSpan);
    }

    /// <summary>
    /// The bucket's entities deserialized as <paramref name="type"/>, in key order: what a load needs, read straight
    /// from a pooled buffer (no copy of each entity's JSON, no large buffer left as garbage per bucket).
    /// </summary>
    public static List<KeyValuePair<string, object>> DeserializeBucket(byte[] data, int length, Type type, string id) =>
        ReadBucket(data, length, id, json => Deserialize(json, type, id));

    /// <summary>The bucket's entities as stored, in key order: key and JSON bytes (kept, to write the bucket again).</summary>
    public static List<KeyValuePair<string, byte[]>> DecodeBucket(byte[] data, int length, string id) =>
        ReadBucket(data, length, id, json => json.ToArray());

    private delegate T FromJson<T>(ReadOnlySpan<byte> json);

    /// <summary>Each entity of the bucket, key and what <paramref name="fromJson"/> makes of its JSON, from a pooled buffer.</summary>
    private static List<KeyValuePair<string, T>> ReadBucket<T>(byte[] data, int length, string id, FromJson<T> fromJson)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var framed = DecompressInto(data, length, buffer, id);
            var entities = new List<KeyValuePair<string, T>>();
            var at = 0;
            while (at < framed.Length)
            {
                var (key, json) = Next(framed, ref at, id);
                entities.Add(KeyValuePair.Create(key, fromJson(framed[json])));
            }

            return entities;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The next entity's key, and its JSON as a range of <paramref name="framed"/>; <paramref name="at"/> moves past both.</summary>
    private static (string Key, Range Json) Next(ReadOnlySpan<byte> framed, ref int at, string id)
    {
        var keyLength = ReadLength(framed, ref at, id);
        var key = Encoding.UTF8.GetString(framed.Slice(at, keyLength));
        at += keyLength;
        var jsonLength = ReadLength(framed, ref at, id);
        var json = new Range(at, at + jsonLength);
        at += jsonLength;
        return (key, json);
    }

    public static object Deserialize(ReadOnlySpan<byte> json, Type type, string id) =>
        JsonSerializer.Deserialize(json, type, ReadModelJson.Options) ?? throw new InvalidDataException($"Read model {id} holds an empty entity.");

    public static (byte[] Data, int Length) EncodeValue(object value, Type type) => Compress(Json(value, type));

    public static object DecodeValue(byte[] data, int length, Type type, string id) =>
        Deserialize(DecompressInto(data, length, new byte[length], id), type, id);

    private static (byte[] Data, int Length) Compress(ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(bytes.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(bytes, buffer, out var written, Quality, Window))
            {
                throw new InvalidOperationException("Brotli could not compress a read-model document into its maximum compressed length.");
            }

            return (buffer.AsSpan(0, written).ToArray(), bytes.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReadOnlySpan<byte> DecompressInto(byte[] data, int length, byte[] buffer, string id) =>
        BrotliDecoder.TryDecompress(data, buffer.AsSpan(0, length), out var written) && written == length
            ? buffer.AsSpan(0, length)
            : throw new InvalidDataException($"Read model {id} is damaged: its data does not decompress to its {length} bytes.");

    private static void WriteLength(IBufferWriter<byte> writer, int value)
    {
        var span = writer.GetSpan(5);
        var i = 0;
        var rest = (uint)value;
        while (rest >= 0x80)
        {
            span[i++] = (byte)(rest | 0x80);
            rest >>= 7;
        }

        span[i++] = (byte)rest;
        writer.Advance(i);
    }

    private static int ReadLength(ReadOnlySpan<byte> framed, ref int at, string id)
    {
        var value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (at >= framed.Length)
            {
                break;
            }

            var b = framed[at++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value <= framed.Length - at ? value : throw new InvalidDataException($"Read model {id} is damaged: a length runs past its end.");
            }
        }

        throw new InvalidDataException($"Read model {id} is damaged: a length is cut short.");
    }
}
