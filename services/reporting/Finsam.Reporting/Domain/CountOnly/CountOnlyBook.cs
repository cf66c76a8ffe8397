using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.CountOnly;

/// <summary>
/// The counts by gender that count-only insatser register (pinnstatistik), by registration id. A registration and
/// its corrections are versions of one fact: the latest (<see cref="FactVersion"/>) wins whatever order they arrive
/// in, and a duplicate changes nothing. These counts appear in the förbund's per-insats gender table and nowhere
/// else: they name no one, so no individual-level statistic can use them.
/// </summary>
public sealed class CountOnlyBook : ReadModelBook<CountRegistration>
{
    public override string Kind => "count-registrations";

    public override void Apply(IIntegrationEvent integrationEvent, ISet<string> changed)
    {
        switch (integrationEvent)
        {
            case InsatsCountsRegistered e:
                Keep(new CountRegistration(e.RegistrationId, e.InsatsId, e.PeriodFrom, e.PeriodTo, e.Women, e.Men, e.Other,
                    VersionOf(e.OccurredAt, false, e.InsatsId, e.PeriodFrom, e.PeriodTo, e.Women, e.Men, e.Other)), changed);
                break;
            case InsatsCountsCorrected e:
                Keep(new CountRegistration(e.RegistrationId, e.InsatsId, e.PeriodFrom, e.PeriodTo, e.Women, e.Men, e.Other,
                    VersionOf(e.OccurredAt, true, e.InsatsId, e.PeriodFrom, e.PeriodTo, e.Women, e.Men, e.Other)), changed);
                break;
        }
    }

    /// <summary>
    /// Women, men and other summed over the insats' registrations that belong to <paramref name="period"/>.
    /// <para>
    /// The period rule: a registration belongs to the report period that holds its last day
    /// (<see cref="CountRegistration.PeriodTo"/>), in full. Counts can't be split by day (thirty people over a
    /// month are not one a day), and one day lies in exactly one of any set of adjacent, non-overlapping periods,
    /// so a registration is never counted twice across adjacent years, nor lost between them. Activities keeps a
    /// registration inside one calendar year, so for a calendar year this is "registrations whose period lies in the
    /// year". For another period (a project from October to August), a registration that straddles its start is
    /// counted in it, and one that straddles its end waits for the period after.
    /// </para>
    /// </summary>
    public RegisteredCounts CountsFor(string insatsId, ReportPeriod period) =>
        Entities
            .Where(r => string.Equals(r.InsatsId, insatsId, StringComparison.Ordinal) && BelongsTo(r, period))
            .Aggregate(RegisteredCounts.None, (sum, r) => sum.Add(r));

    /// <summary>The same sums for every insats with a registration in <paramref name="period"/>, by insats id.</summary>
    public IReadOnlyDictionary<string, RegisteredCounts> CountsByInsats(ReportPeriod period) =>
        Entities
            .Where(r => BelongsTo(r, period))
            .GroupBy(r => r.InsatsId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(RegisteredCounts.None, (sum, r) => sum.Add(r)), StringComparer.Ordinal);

    private static bool BelongsTo(CountRegistration registration, ReportPeriod period) =>
        registration.PeriodTo >= period.From && registration.PeriodTo <= period.To;

    private void Keep(CountRegistration candidate, ISet<string> changed) =>
        Update(candidate.RegistrationId, current => FactVersion.Supersedes(candidate.Version, current?.Version) ? candidate : current, changed);

    private static FactVersion VersionOf(DateTime occurredAt, bool isCorrection, params object?[] facts) =>
        new(occurredAt, isCorrection, FactVersion.KeyOf(facts));
}
