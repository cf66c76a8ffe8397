namespace Finsam.IntegrationEvents.Activities.V1;

// Pinnstatistik: a count-only insats (a health school, inspiration days) registers how many took part, by gender,
// per period. Counts only: no names, no ids of people, no one who registered.

/// <summary>Counts by gender were registered for a period of a count-only insats.</summary>
/// <param name="RegistrationId">The registration; a later <see cref="InsatsCountsCorrected"/> names the same id.</param>
/// <param name="PeriodFrom">First day counted; the period lies inside one calendar year.</param>
/// <param name="PeriodTo">Last day counted, on or after <paramref name="PeriodFrom"/>.</param>
public sealed record InsatsCountsRegistered(
    string RegistrationId,
    string InsatsId,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    int Women,
    int Men,
    int Other,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A registration was corrected; the event carries the period and counts as they now stand, replacing the earlier ones.</summary>
public sealed record InsatsCountsCorrected(
    string RegistrationId,
    string InsatsId,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    int Women,
    int Men,
    int Other,
    DateTime OccurredAt) : IIntegrationEvent;
