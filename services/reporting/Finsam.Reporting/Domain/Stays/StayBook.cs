using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;

namespace Finsam.Reporting.Domain.Stays;

/// <summary>
/// Every stay reporting has heard of, built from the enrolment events idempotently and in any order: each part of
/// a stay (who, start, end) keeps the version that occurred last (see <see cref="FactVersion"/>), so replaying,
/// duplicating or shuffling the same events gives the same book. An ending before its start is kept on a parked stay.
/// </summary>
/// <remarks>
/// No V1 event withdraws or removes an enrolment (gallring in Participants removes free text and publishes
/// nothing; ReferralWithdrawn is about a referral, before any stay), so a stay, once heard of, stays.
/// </remarks>
public sealed class StayBook
{
    private readonly Dictionary<string, Stay> _stays = new(StringComparer.Ordinal);

    public IReadOnlyCollection<Stay> Stays => _stays.Values;

    public Stay? Find(string enrolmentId) => _stays.GetValueOrDefault(enrolmentId);

    /// <summary>Applies one event; true when the book changed. Events that aren't about a stay's start or end are ignored.</summary>
    public bool Apply(IIntegrationEvent integrationEvent) => integrationEvent switch
    {
        EnrolmentStarted e => Update(e.EnrolmentId, stay => WithStarted(stay, e)),
        EnrolmentStartCorrected e => Update(e.EnrolmentId, stay => WithStart(stay, StartOf(e), Version(e.OccurredAt, true, StartOf(e)))),
        EnrolmentEnded e => Update(e.EnrolmentId, stay => WithEnd(stay, EndOf(e.InsatsId, e.EndDate, e.Reasons, e.SysselsattningAtEnd, e.ForsorjningAtEnd), e.OccurredAt, false)),
        EnrolmentEndCorrected e => Update(e.EnrolmentId, stay => WithEnd(stay, EndOf(e.InsatsId, e.EndDate, e.Reasons, e.SysselsattningAtEnd, e.ForsorjningAtEnd), e.OccurredAt, true)),
        _ => false,
    };

    public void ApplyAll(IEnumerable<IIntegrationEvent> events)
    {
        foreach (var integrationEvent in events)
        {
            Apply(integrationEvent);
        }
    }

    private bool Update(string enrolmentId, Func<Stay, Stay> change)
    {
        var current = _stays.GetValueOrDefault(enrolmentId) ?? new Stay(enrolmentId);
        var next = change(current);
        if (ReferenceEquals(next, current) && _stays.ContainsKey(enrolmentId))
        {
            return false;
        }

        _stays[enrolmentId] = next;
        return true;
    }

    private static Stay WithStarted(Stay stay, EnrolmentStarted e)
    {
        var identity = new StayIdentity(e.ParticipantId, e.Anonymous, e.Gender, e.BirthYear, e.AgeBand, e.ReferringAgency);
        var identityVersion = new FactVersion(e.OccurredAt, false, FactVersion.KeyOf(
            identity.ParticipantId, identity.Anonymous, identity.Gender, identity.BirthYear, identity.AgeBand, identity.ReferringAgency));
        if (FactVersion.Supersedes(identityVersion, stay.IdentityVersion))
        {
            stay = stay with { Identity = identity, IdentityVersion = identityVersion };
        }

        var start = new StayStart(e.InsatsId, e.StartDate, e.ForsorjningAtStart, e.SysselsattningAtStart, e.EducationLevel, e.YearsInSupport);
        return WithStart(stay, start, Version(e.OccurredAt, false, start));
    }

    private static Stay WithStart(Stay stay, StayStart start, FactVersion version) =>
        FactVersion.Supersedes(version, stay.StartVersion) ? stay with { Start = start, StartVersion = version } : stay;

    private static Stay WithEnd(Stay stay, StayEnd end, DateTime occurredAt, bool isCorrection)
    {
        var version = new FactVersion(occurredAt, isCorrection, FactVersion.KeyOf(
            end.InsatsId, end.EndDate, end.Reasons, end.SysselsattningAtEnd, end.ForsorjningAtEnd));
        return FactVersion.Supersedes(version, stay.EndVersion) ? stay with { End = end, EndVersion = version } : stay;
    }

    private static StayStart StartOf(EnrolmentStartCorrected e) =>
        new(e.InsatsId, e.StartDate, e.ForsorjningAtStart, e.SysselsattningAtStart, e.EducationLevel, e.YearsInSupport);

    private static StayEnd EndOf(string insatsId, DateOnly endDate, IReadOnlyList<string> reasons, string sysselsattning, IReadOnlyList<string> forsorjning) =>
        new(insatsId, endDate, reasons, sysselsattning, forsorjning);

    private static FactVersion Version(DateTime occurredAt, bool isCorrection, StayStart start) =>
        new(occurredAt, isCorrection, FactVersion.KeyOf(
            start.InsatsId, start.StartDate, start.ForsorjningAtStart, start.SysselsattningAtStart, start.EducationLevel, start.YearsInSupport));
}
