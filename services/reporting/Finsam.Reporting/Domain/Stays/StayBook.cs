using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.ReadModels;

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
public sealed class StayBook : ReadModelBook<Stay>
{
    public override string Kind => "stays";

    public IReadOnlyCollection<Stay> Stays => Entities;

    /// <summary>Applies one event; true when the book changed. Events that aren't about a stay's start or end are ignored.</summary>
    public bool Apply(IIntegrationEvent integrationEvent)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        Apply(integrationEvent, changed);
        return changed.Count > 0;
    }

    public override void Apply(IIntegrationEvent integrationEvent, ISet<string> changed)
    {
        switch (integrationEvent)
        {
            case EnrolmentStarted e:
                Change(e.EnrolmentId, stay => WithStarted(stay, e), changed);
                break;
            case EnrolmentStartCorrected e:
                Change(e.EnrolmentId, stay => WithStart(stay, StartOf(e), Version(e.OccurredAt, true, StartOf(e))), changed);
                break;
            case EnrolmentEnded e:
                Change(e.EnrolmentId, stay => WithEnd(stay, EndOf(e.InsatsId, e.EndDate, e.Reasons, e.SysselsattningAtEnd, e.ForsorjningAtEnd), e.OccurredAt, false), changed);
                break;
            case EnrolmentEndCorrected e:
                Change(e.EnrolmentId, stay => WithEnd(stay, EndOf(e.InsatsId, e.EndDate, e.Reasons, e.SysselsattningAtEnd, e.ForsorjningAtEnd), e.OccurredAt, true), changed);
                break;
        }
    }

    /// <summary>A stay is created by the first event about it, even one that changes nothing of an empty stay.</summary>
    private void Change(string enrolmentId, Func<Stay, Stay> change, ISet<string> changed) =>
        Update(enrolmentId, current => current is null ? change(new Stay(enrolmentId)) : change(current), changed);

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
