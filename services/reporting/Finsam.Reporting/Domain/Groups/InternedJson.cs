using System.Text.Json;
using System.Text.Json.Serialization;
using Finsam.Reporting.Domain.ReadModels;

namespace Finsam.Reporting.Domain.Groups;

/// <summary>
/// Reads a stored string through the one pool (<see cref="Interned"/>), so read models loaded from storage at start-up
/// share their participant ids as the ones built from events do; written as a plain string.
/// </summary>
public sealed class InternedStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Interned.OfNullable(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
