using System.Globalization;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Assessments;

/// <summary>
/// Follow-up contacts after the end of every enrolment, keyed by enrolment id: the day of each contact (the latest
/// recording or correction wins), retractions kept as facts.
/// </summary>
/// <remarks>
/// A FollowUpRecorded written before follow-ups had ids carries none; it is kept under "legacy:" and its day, so a
/// redelivery is still a no-op. Nothing can correct or retract such a contact (those events name an id), and two
/// id-less contacts on the same day of one stay count once.
/// </remarks>
public sealed class FollowUpBook : ReadModelBook<EnrolmentFollowUps>
{
    public const string LegacyPrefix = "legacy:";

    public override string Kind => "followups";

    public override void Apply(IIntegrationEvent integrationEvent, ISet<string> changed)
    {
        switch (integrationEvent)
        {
            case FollowUpRecorded e:
                KeepDay(e.EnrolmentId, e.FollowUpId ?? LegacyPrefix + e.ContactOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.ContactOn, e.OccurredAt, false, changed);
                break;
            case FollowUpCorrected e:
                KeepDay(e.EnrolmentId, e.FollowUpId, e.ContactOn, e.OccurredAt, true, changed);
                break;
            case FollowUpRetracted e:
                var retraction = new FactVersion(e.OccurredAt, true, ContentKey: 0);
                ChangeFollowUp(e.EnrolmentId, e.FollowUpId, f =>
                    FactVersion.Supersedes(retraction, f.Retraction) ? f with { Retraction = retraction } : f, changed);
                break;
        }
    }

    private void KeepDay(string enrolmentId, string followUpId, DateOnly contactOn, DateTime occurredAt, bool isCorrection, ISet<string> changed)
    {
        var version = new FactVersion(occurredAt, isCorrection, FactVersion.KeyOf(contactOn));
        ChangeFollowUp(enrolmentId, followUpId, f =>
            FactVersion.Supersedes(version, f.Version) ? f with { ContactOn = contactOn, Version = version } : f, changed);
    }

    private void ChangeFollowUp(string enrolmentId, string followUpId, Func<FollowUpRecord, FollowUpRecord> change, ISet<string> changed) =>
        Update(enrolmentId, current =>
        {
            var record = current ?? new EnrolmentFollowUps(enrolmentId);
            var followUp = record.FollowUps.GetValueOrDefault(followUpId);
            var next = change(followUp ?? new FollowUpRecord(followUpId));
            if (ReferenceEquals(next, followUp))
            {
                return current;
            }

            return record with
            {
                FollowUps = SortedMap<FollowUpRecord>.Of(record.FollowUps).With(followUpId, next),
            };
        }, changed);
}
