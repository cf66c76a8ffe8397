using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Finsam.Reporting.Infrastructure.ReadModels;

/// <summary>
/// How entities are stored: System.Text.Json with Web defaults (camelCase), as the journal stores events. Computed
/// properties (a getter with no setter and no constructor parameter, e.g. <c>Stay.IsParked</c>) are left out: they
/// can't be read back, and storing them would only make every document larger.
/// </summary>
public static class ReadModelJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutComputed } },
        Converters = { new SharedStringConverter() },
    };

    /// <summary>
    /// Reads every string up to <see cref="MaxLength"/> characters (ids and codes, values and dictionary keys) through
    /// the one pool (<see cref="Domain.ReadModels.Interned"/>); writes them as the default converter does. A loaded model
    /// otherwise holds its own copy of every participant id, insats id and code in every entity that names it — at the
    /// benchmark's scale several times the memory of the model itself. Longer strings (names, version keys) are
    /// mostly unique, so they are left out of the pool.
    /// </summary>
    private sealed class SharedStringConverter : JsonConverter<string>
    {
        private const int MaxLength = 64;

        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Shared(reader.GetString());

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Shared(reader.GetString())!;

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

        private static string? Shared(string? value) => value is { Length: <= MaxLength } ? Domain.ReadModels.Interned.Of(value) : value;
    }

    private static void LeaveOutComputed(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var parameters = typeInfo.Type.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Select(p => p.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (property.Set is null && property.AttributeProvider is System.Reflection.MemberInfo member && !parameters.Contains(member.Name))
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
