namespace Finsam.IntegrationEvents;

/// <summary>
/// A fact that happened in one service. Carries no personnummer and no name: other services
/// know a person only by the opaque participant id.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>When the fact happened (UTC).</summary>
    DateTime OccurredAt { get; }
}
