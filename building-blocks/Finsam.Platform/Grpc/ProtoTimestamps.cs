using Google.Protobuf.WellKnownTypes;

namespace Finsam.Platform.Grpc;

/// <summary>Stored instants → google.protobuf.Timestamp. Stores may hand a UTC instant back as Unspecified; Timestamp refuses anything but Utc.</summary>
public static class ProtoTimestamps
{
    public static Timestamp FromUtc(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
