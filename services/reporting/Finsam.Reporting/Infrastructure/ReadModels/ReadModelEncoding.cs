using System.Buffers;
using System.IO.Compression;
using System.Text.Json;

namespace Finsam.Reporting.Infrastructure.ReadModels;

/// <summary>
/// How an entity becomes a document's bytes and back: JSON (<see cref="ReadModelJson"/>) compressed with Brotli at
/// its fastest quality. At the benchmark's scale the read models are ~700 MB of JSON and ~230 MB compressed: a full
/// rebuild writes all of them, and on LiteDB that write is bound by the disk, so a third of the bytes is most of a
/// third of the time. Quality 1 costs ~9 ms of CPU per MB.
/// </summary>
public static class ReadModelEncoding
{
    /// <summary>
    /// The stored format. A store written in another one is rebuilt from the journal at start-up (see
    /// <see cref="DocumentReadModelStore.NeedsRebuildAsync"/>) instead of being read. 1: compressed UTF-8 JSON, fact
    /// version keys as numbers (0, before it: JSON text, keys as text).
    /// </summary>
    public const int Format = 1;

    private const int Quality = 1;
    private const int Window = 22;

    public static (byte[] Data, int Length) Encode(object entity, Type type)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(entity, type, ReadModelJson.Options);
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(json.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(json, buffer, out var written, Quality, Window))
            {
                throw new InvalidOperationException("Brotli could not compress a read-model entity into its maximum compressed length.");
            }

            return (buffer.AsSpan(0, written).ToArray(), json.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static object Decode(byte[] data, int length, Type type, string id)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            return JsonSerializer.Deserialize(Decompress(data, length, buffer, id), type, ReadModelJson.Options)
                ?? throw new InvalidDataException($"Read model {id} is empty.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The stored JSON as text (for comparing what two paths stored).</summary>
    public static string JsonOf(byte[] data, int length, string id)
    {
        var buffer = new byte[length];
        return System.Text.Encoding.UTF8.GetString(Decompress(data, length, buffer, id));
    }

    private static ReadOnlySpan<byte> Decompress(byte[] data, int length, byte[] buffer, string id) =>
        BrotliDecoder.TryDecompress(data, buffer, out var written) && written == length
            ? buffer.AsSpan(0, written)
            : throw new InvalidDataException($"Read model {id} is damaged: its data does not decompress to its {length} bytes.");
}
