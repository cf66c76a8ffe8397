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

/// <summary>
/// A string-keyed dictionary whose keys are read through the one pool: a träff's attendance is keyed by participant
/// id, and there are millions of records but only as many distinct ids as participants. Written as a JSON object, as
/// a dictionary is by default.
/// </summary>
public sealed class InternedKeyDictionaryConverter<TValue> : JsonConverter<IReadOnlyDictionary<string, TValue>>
{
    public override IReadOnlyDictionary<string, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for a dictionary, found {reader.TokenType}.");
        }

        var result = new Dictionary<string, TValue>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                // Trim: a stored träff's attendance is read once and never grows in place.
                result.TrimExcess();
                return result;
            }

            var key = Interned.Of(reader.GetString()!);
            reader.Read();
            result[key] = JsonSerializer.Deserialize<TValue>(ref reader, options)!;
        }

        throw new JsonException("The dictionary's object was not closed.");
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
