using Finsam.Reporting.Domain.Plans;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// Plan coverage (<see cref="PlanSection"/>): the share of the period's enrolments with a current plan, and the share
/// of those started in the period whose first plan came within the insats' deadline.
/// </summary>
/// <remarks>
/// Definitions (individual level, so anonymous stays are left out of both):
/// <list type="bullet">
/// <item>Enrolled: the scope's counted stays active in the period (start ≤ to, no end or end ≥ from).</item>
/// <item>With a current plan: of those, stays with a plan that counts (not retracted) recorded on or before the period's
/// last day, however long ago in the stay.</item>
/// <item>In time: of the stays started in the period whose insats has a plan deadline (more than 0 days), those whose
/// first plan that counts carries WithinDeadline = true, as Participants computed it against the stay's own start.
/// A stay with no plan yet is in the denominator and not in time, even when its due day is still to come: the figure
/// is as the facts stand when the report is made (a frozen report keeps it).</item>
/// </list>
/// <see cref="PlanSection.DeadlineDays"/> is the insats' deadline; at förbund level null (insatser differ), with each
/// stay judged against its own insats' deadline.
/// </remarks>
public static class PlansCalculator
{
    public static PlanSection For(ReportInput input)
    {
        var period = input.Period;
        var table = input.Table;
        var plans = input.Model.Plans;

        // Enrolled: the stays active in the period; with a current plan: a plan that counts recorded by its last day.
        // In time: of the stays started in the period whose insats has a deadline, those whose first plan was within it.
        // One pass over the rows, each stay's plans looked up once for both (nearly every stay started in the period
        // is active in it).
        var deadlines = table.InsatsIds.Select(id => DeadlineDaysOf(input, id)).ToArray();
        int enrolled = 0, withPlan = 0, withDeadline = 0, inTime = 0;
        for (var row = 0; row < table.Count; row++)
        {
            var isEnrolled = table.IsActiveIn(row, period);
            var isJudged = table.StartedIn(row, period) && HasDeadline(table.InsatsOf(row));
            if (table.IsAnonymous(row) || (!isEnrolled && !isJudged))
            {
                continue;
            }

            var stayPlans = plans.Find(table[row].EnrolmentId);
            if (isEnrolled)
            {
                enrolled++;
                if (stayPlans is not null && HasPlanBy(stayPlans, period.To))
                {
                    withPlan++;
                }
            }

            if (isJudged)
            {
                withDeadline++;
                if (stayPlans is not null && FirstCounting(stayPlans)?.Facts?.WithinDeadline == true)
                {
                    inTime++;
                }
            }
        }

        bool HasDeadline(int insats) => insats != StayTable.NoInsats && deadlines[insats] > 0;

        int? deadlineDays = input.IsForbund ? null : DeadlineDaysOf(input, input.InsatsId) is > 0 and var days ? days : null;
        return new PlanSection(
            Count.Of(enrolled),
            Count.Of(withPlan),
            Percent.Of(withPlan, enrolled),
            deadlineDays,
            Count.Of(inTime),
            Count.Of(withDeadline),
            Percent.Of(inTime, withDeadline));
    }

    private static int DeadlineDaysOf(ReportInput input, string? insatsId) =>
        insatsId is null ? 0 : input.Model.Insatser.Find(insatsId)?.PlanDeadlineDays ?? 0;

    /// <summary><see cref="EnrolmentPlans.HasPlanBy"/> without a LINQ query per stay.</summary>
    private static bool HasPlanBy(EnrolmentPlans stayPlans, DateOnly day)
    {
        foreach (var plan in stayPlans.Plans.Values)
        {
            if (plan.Counts && plan.Facts!.RecordedOn <= day)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="EnrolmentPlans.FirstCounting"/> without sorting per stay: the counting plan with the earliest day, a
    /// tie by the least plan id (ordinal); of equal ones the first met, as the stable sort gave.
    /// </summary>
    private static PlanRecord? FirstCounting(EnrolmentPlans stayPlans)
    {
        PlanRecord? first = null;
        foreach (var plan in stayPlans.Plans.Values)
        {
            if (plan.Counts && (first is null || Earlier(plan, first)))
            {
                first = plan;
            }
        }

        return first;

        static bool Earlier(PlanRecord plan, PlanRecord other)
        {
            var byDay = plan.Facts!.RecordedOn.CompareTo(other.Facts!.RecordedOn);
            return byDay < 0 || (byDay == 0 && string.CompareOrdinal(plan.PlanId, other.PlanId) < 0);
        }
    }
}
