using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Domain;

namespace Finsam.Participants.Application.Enrolments;

/// <summary>
/// Keeps the plans' "within deadline" true to the stay once a date it depends on is corrected: a plan's
/// recorded_on, a retracted plan, or the start date (which moves the due day). The fact is about the stay —
/// did its first plan that counts come by the due day — so every plan that counts gets the same value.
/// </summary>
public static class PlanDeadlines
{
    /// <summary>
    /// Re-derives <see cref="Plan.WithinDeadline"/> for every plan that counts, writing a history line for each
    /// change through <paramref name="record"/>; returns the plans whose value changed.
    /// </summary>
    public static IReadOnlyList<Plan> Recompute(Enrolment enrolment, Action<string, string, string> record)
    {
        var counted = enrolment.PlansNotRetracted.ToList();
        if (counted.Count == 0)
        {
            return [];
        }

        bool? within = enrolment.PlanDueOn is { } due ? counted.Min(p => p.RecordedOn) <= due : null;
        var changed = new List<Plan>();
        for (var i = 0; i < enrolment.Plans.Count; i++)
        {
            var plan = enrolment.Plans[i];
            if (plan.Retracted || plan.WithinDeadline == within)
            {
                continue;
            }

            record(RecordKind.Plan.Field(plan.Id, "within_deadline"), RecordedFacts.Text(plan.WithinDeadline), RecordedFacts.Text(within));
            enrolment.Plans[i] = plan with { WithinDeadline = within };
            changed.Add(enrolment.Plans[i]);
        }

        return changed;
    }

    /// <summary>The plan's reported facts as they now stand.</summary>
    public static PlanCorrected Corrected(Enrolment enrolment, Plan plan, DateTime now) =>
        new(enrolment.Id, enrolment.InsatsId, plan.Id, plan.RecordedOn, plan.GoalKind, plan.ReviewDate, plan.WithinDeadline, now);
}
