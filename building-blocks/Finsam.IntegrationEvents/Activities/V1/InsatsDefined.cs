namespace Finsam.IntegrationEvents.Activities.V1;

/// <summary>An insats was added to the catalogue.</summary>
/// <param name="Kind">"individual", "group-course", "structural" or "count-only".</param>
public sealed record InsatsDefined(
    string InsatsId,
    string Name,
    string Kind,
    int BudgetedPlaces,
    DateTime OccurredAt) : IIntegrationEvent;
