using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Assessments;

/// <summary>
/// The staff assessments and self-assessments of every enrolment, keyed by enrolment id. Idempotent and
/// order-independent: an assessment's facts are the recording or correction that occurred last
/// (<see cref="FactVersion"/>), and a retraction sticks whenever it arrives.
/// </summary>
public sealed class AssessmentBook : ReadModelBook<EnrolmentAssessments>
{
    public override string Kind => "assessments";

    public override void Apply(IIntegrationEvent integrationEvent, ISet<string> changed)
    {
        switch (integrationEvent)
        {
            case AssessmentRecorded e:
                KeepFacts(e.EnrolmentId, e.AssessmentId, FactsOf(e.Kind, e.Instrument, e.InstrumentVersion, e.Phase, e.AssessedOn, e.Scores), e.OccurredAt, false, changed);
                break;
            case AssessmentCorrected e:
                KeepFacts(e.EnrolmentId, e.AssessmentId, FactsOf(e.Kind, e.Instrument, e.InstrumentVersion, e.Phase, e.AssessedOn, e.Scores), e.OccurredAt, true, changed);
                break;
            case AssessmentRetracted e:
                var retraction = new FactVersion(e.OccurredAt, true, ContentKey: 0);
                ChangeAssessment(e.EnrolmentId, e.AssessmentId, a =>
                    FactVersion.Supersedes(retraction, a.Retraction) ? a with { Retraction = retraction } : a, changed);
                break;
        }
    }

    // The same few instrument, phase and area names recur in every stay: one instance each.
    private static AssessmentFacts FactsOf(string kind, string instrument, string version, string phase, DateOnly on, IReadOnlyDictionary<string, int> scores) =>
        new(Interned.Of(kind), Interned.Of(instrument), Interned.Of(version), Interned.Of(phase), on, SortedMap<int>.Of(scores));

    private void KeepFacts(string enrolmentId, string assessmentId, AssessmentFacts facts, DateTime occurredAt, bool isCorrection, ISet<string> changed)
    {
        var version = new FactVersion(occurredAt, isCorrection, FactVersion.KeyOf(
            facts.Kind, facts.Instrument, facts.InstrumentVersion, facts.Phase, facts.AssessedOn,
            facts.Scores.Select(s => $"{s.Key}={s.Value}").ToList()));
        ChangeAssessment(enrolmentId, assessmentId, a =>
            FactVersion.Supersedes(version, a.Version) ? a with { Facts = facts, Version = version } : a, changed);
    }

    private void ChangeAssessment(string enrolmentId, string assessmentId, Func<AssessmentRecord, AssessmentRecord> change, ISet<string> changed) =>
        Update(enrolmentId, current =>
        {
            var record = current ?? new EnrolmentAssessments(enrolmentId);
            var assessment = record.Assessments.GetValueOrDefault(assessmentId);
            var next = change(assessment ?? new AssessmentRecord(assessmentId));
            if (ReferenceEquals(next, assessment))
            {
                return current;
            }

            // In ordinal id order whatever the order they arrived in: the stored JSON of an enrolment must be the
            // same text for the same facts.
            return record with { Assessments = SortedMap<AssessmentRecord>.Of(record.Assessments).With(next.AssessmentId, next) };
        }, changed);
}
