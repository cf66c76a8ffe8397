namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>Goals against targets (<see cref="GoalsSection"/>) for one insats: one row per target the insats has set.</summary>
/// <remarks>
/// Definitions (a row only when the insats has that target; none at förbund level, where targets don't add up):
/// <list type="bullet">
/// <item>"enrolment": persons started in the period (the flow figure, unique persons) against
/// <c>EnrolmentTarget</c>; met when at least the target.</item>
/// <item>"gender-balance": the lower of the shares of women and of men among the persons active in the period
/// (anonymous stays included: their gender is registered precisely so they count; the share is of everyone, "other"
/// included) against <c>GenderBalanceMinPercent</c>; met when at least the target.</item>
/// <item>"work-or-studies": the results section's share of the ended to work or studies against
/// <c>WorkOrStudiesTargetPercent</c>; met when at least the target.</item>
/// <item>No plan-coverage row: the insats catalogue has no target for plans (a plan deadline is a rule, not a target
/// with a level), and the plan section already reports coverage and plans in time.</item>
/// </list>
/// <paramref name="profile"/> and <paramref name="plans"/> are taken so the builder hands every section it has;
/// no target reads them today.
/// </remarks>
public static class GoalsCalculator
{
    public const string Enrolment = "enrolment";
    public const string GenderBalance = "gender-balance";
    public const string WorkOrStudies = "work-or-studies";

    private const string People = "personer";
    private const string PercentUnit = "procent";

    public static GoalsSection For(ReportInput input, FlowSection flows, ResultsSection results, ProfileSection profile, PlanSection plans)
    {
        if (input.Insats is not { } insats)
        {
            return new GoalsSection([]);
        }

        var goals = new List<GoalRow>();
        if (insats.EnrolmentTarget is { } enrolmentTarget)
        {
            goals.Add(Row(Enrolment, "Nya deltagare (personer) mot målet", People, enrolmentTarget, flows.Current.Started.Persons.Value));
        }

        if (insats.GenderBalanceMinPercent is { } genderTarget)
        {
            var (share, lowest) = LowestGenderShare(input);
            goals.Add(Row(GenderBalance, "Jämn könsfördelning: lägsta andelen kvinnor respektive män bland aktuella", PercentUnit, genderTarget, share)
                with { Basis = Count.Of(lowest) });
        }

        if (insats.WorkOrStudiesTargetPercent is { } workTarget)
        {
            goals.Add(Row(WorkOrStudies, "Andel av de avslutade till arbete eller studier", PercentUnit, workTarget, results.WorkOrStudiesPercent));
        }

        return new GoalsSection(goals);
    }

    private static GoalRow Row(string code, string label, string unit, decimal target, decimal? actual) =>
        new(code, label, unit, target, actual, actual is { } value ? value >= target : null);

    /// <summary>Persons active in the period: a known person once, by their gender as it now stands; each anonymous stay its own person.</summary>
    private static (decimal? Share, int Lowest) LowestGenderShare(ReportInput input)
    {
        // The table numbers an anonymous stay as a person of its own, and a person's gender as it now stands is their
        // corrected one, else their latest-starting stay's: what grouping by participant id and sorting each group gave.
        var table = input.Table;
        var genders = PerInsatsCalculator.PersonGenders(table, table.Active, new PersonSlots(table.Count));
        var lowest = Math.Min(genders.Women, genders.Men);
        return (Percent.Of(lowest, genders.Total), lowest);
    }
}
