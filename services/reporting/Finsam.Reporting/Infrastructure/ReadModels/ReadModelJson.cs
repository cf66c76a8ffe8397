using System.Text.Json;
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
    };

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
