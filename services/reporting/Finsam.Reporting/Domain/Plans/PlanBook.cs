using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Plans;

/// <summary>
/// The plans of every enrolment, keyed by enrolment id. Idempotent and order-independent: a plan's facts are the
/// recording or correction that occurred last (<see cref="FactVersion"/>: a correction beats a recording at the same
/// instant), and a retraction sticks whenever it arrives.
/// </summary>
public sealed class PlanBook : ReadModelBook<EnrolmentPlans>
{
    public override string Kind => "plans";

    public override void Apply(IIntegrationEvent integrationEvent, ISet<string> changed)
    {
        switch (integrationEvent)
        {
            case PlanRecorded e:
                KeepFacts(e.EnrolmentId, e.PlanId, new PlanFacts(e.RecordedOn, e.GoalKind, e.ReviewDate, e.WithinDeadline), e.OccurredAt, false, changed);
                break;
            case PlanCorrected e:
                KeepFacts(e.EnrolmentId, e.PlanId, new PlanFacts(e.RecordedOn, e.GoalKind, e.ReviewDate, e.WithinDeadline), e.OccurredAt, true, changed);
                break;
            case PlanRetracted e:
                var retraction = new FactVersion(e.OccurredAt, true, ContentKey: 0);
                ChangePlan(e.EnrolmentId, e.PlanId, plan =>
                    FactVersion.Supersedes(retraction, plan.Retraction) ? plan with { Retraction = retraction } : plan, changed);
                break;
        }
    }

    private void KeepFacts(string enrolmentId, string planId, PlanFacts facts, DateTime occurredAt, bool isCorrection, ISet<string> changed)
    {
        var version = new FactVersion(occurredAt, isCorrection, FactVersion.KeyOf(facts.RecordedOn, facts.GoalKind, facts.ReviewDate, facts.WithinDeadline));
        ChangePlan(enrolmentId, planId, plan =>
            FactVersion.Supersedes(version, plan.Version) ? plan with { Facts = facts, Version = version } : plan, changed);
    }

    private void ChangePlan(string enrolmentId, string planId, Func<PlanRecord, PlanRecord> change, ISet<string> changed) =>
        Update(enrolmentId, current =>
        {
            var plans = current ?? new EnrolmentPlans(enrolmentId);
            var plan = plans.Plans.GetValueOrDefault(planId);
            var next = change(plan ?? new PlanRecord(planId));
            if (ReferenceEquals(next, plan))
            {
                return current;
            }

            return plans with { Plans = SortedMap<PlanRecord>.Of(plans.Plans).With(planId, next) };
        }, changed);
}
