using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.CountOnly;

/// <summary>
/// One registration of counts by gender for a count-only insats (pinnstatistik), as it now stands: from
/// InsatsCountsRegistered or the latest InsatsCountsCorrected, whichever <see cref="Version"/> is newest.
/// </summary>
/// <param name="PeriodFrom">First day counted.</param>
/// <param name="PeriodTo">Last day counted: the day that decides which report period counts it (<see cref="CountOnlyBook.CountsFor"/>).</param>
public sealed record CountRegistration(
    string RegistrationId,
    string InsatsId,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    int Women,
    int Men,
    int Other,
    FactVersion Version);
