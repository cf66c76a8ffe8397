using Finsam.Reporting.Domain.Stays;

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
        var stays = input.CountedStays.Where(s => !s.Anonymous).ToList();
        var enrolled = stays.Where(s => IsActiveIn(s, period)).ToList();
        var withPlan = enrolled.Count(s => input.Model.Plans.Find(s.EnrolmentId)?.HasPlanBy(period.To) == true);

        var withDeadline = stays.Where(s => StartedIn(s, period) && DeadlineDaysOf(input, s.InsatsId) > 0).ToList();
        var inTime = withDeadline.Count(s => input.Model.Plans.Find(s.EnrolmentId)?.FirstCounting()?.Facts?.WithinDeadline == true);

        int? deadlineDays = input.IsForbund ? null : DeadlineDaysOf(input, input.InsatsId) is > 0 and var days ? days : null;
        return new PlanSection(
            Count.Of(enrolled.Count),
            Count.Of(withPlan),
            Percent.Of(withPlan, enrolled.Count),
            deadlineDays,
            Count.Of(inTime),
            Count.Of(withDeadline.Count),
            Percent.Of(inTime, withDeadline.Count));
    }

    private static int DeadlineDaysOf(ReportInput input, string? insatsId) =>
        insatsId is null ? 0 : input.Model.Insatser.Find(insatsId)?.PlanDeadlineDays ?? 0;

    private static bool IsActiveIn(Stay stay, ReportPeriod period) =>
        stay.StartDate is { } start && start <= period.To && (stay.EndDate is not { } end || end >= period.From);

    private static bool StartedIn(Stay stay, ReportPeriod period) =>
        stay.StartDate is { } start && start >= period.From && start <= period.To;
}
