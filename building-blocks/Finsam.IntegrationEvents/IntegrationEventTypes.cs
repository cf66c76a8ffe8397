using System.Collections.Frozen;

namespace Finsam.IntegrationEvents;

/// <summary>
/// Resolves an event's stored type name back to its CLR type. The outbox stores events as JSON with
/// their full type name; the dispatcher needs the type to publish under the right message name.
/// </summary>
public static class IntegrationEventTypes
{
    private static readonly FrozenDictionary<string, Type> ByName = typeof(IIntegrationEvent).Assembly
        .GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.FullName!, t => t);

    public static IReadOnlyCollection<Type> All => ByName.Values;

    public static string NameOf(Type eventType) => eventType.FullName
        ?? throw new ArgumentException("An integration event type needs a full name.", nameof(eventType));

    public static bool TryResolve(string name, out Type eventType)
    {
        if (ByName.TryGetValue(name, out var found))
        {
            eventType = found;
            return true;
        }

        eventType = typeof(object);
        return false;
    }
}
