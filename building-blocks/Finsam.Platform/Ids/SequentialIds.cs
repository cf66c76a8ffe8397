using System.Buffers.Binary;

namespace Finsam.Platform.Ids;

/// <summary>
/// Version-7 UUIDs that never go backwards within the process. Guid.CreateVersion7 is ordered only to the
/// millisecond (the rest is random), and several records are often written within one: every list that pages
/// or sorts by id (the access-log extract, an insats' count registrations, formats, groups) would then shuffle
/// them. A candidate not above the last id becomes the last + 1.
/// </summary>
public static class SequentialIds
{
    private static readonly Lock Gate = new();
    private static UInt128 _last;

    public static string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.CreateVersion7().TryWriteBytes(bytes, bigEndian: true, out _);
        var candidate = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        lock (Gate)
        {
            _last = candidate > _last ? candidate : _last + 1;
            BinaryPrimitives.WriteUInt128BigEndian(bytes, _last);
        }

        // Big-endian, so the text (hex in byte order) sorts like the number.
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
