using Finsam.Reporting.Domain.Insatser;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// The flow figures (aktuella, nya, avslutade, aktuella vid periodens slut) for the period and the one before it,
/// per enrolment and as persons, anonymous stays included: these are the totals.
/// </summary>
public static class FlowsCalculator
{
    /// <remarks>
    /// Budgeted places: for one insats its catalogue figure (null when the insats isn't in the catalogue); for the
    /// förbund the sum over the insatser for individuals (individual, group-course, count-only) in the catalogue,
    /// since structural insatser have no participant places; null when the catalogue holds none of those.
    /// </remarks>
    public static FlowSection Compute(ReportInput input)
    {
        var counts = Counts(input);
        return new FlowSection(ToFlowCounts(counts.Current), ToFlowCounts(counts.Previous), BudgetedPlaces(input), counts.Parked);
    }

    /// <summary>
    /// The scope's stays counted for the period and the one before it (the rules are <see cref="PeriodCounts"/>'),
    /// from the report's <see cref="StayTable"/>, one pass each; parked stays counted apart.
    /// </summary>
    public static StayCounts Counts(ReportInput input)
    {
        var table = input.Table;
        var marks = new FlowMarks(table);
        return new StayCounts(
            input.InsatsId,
            table.CountPeriod(table.All, input.Period, marks),
            table.CountPeriod(table.All, input.Period.Previous(), marks),
            table.Parked);
    }

    public static FlowCounts ToFlowCounts(PeriodCounts counts) => new(
        counts.Period.From,
        counts.Period.To,
        ToFlowCount(counts.Active),
        ToFlowCount(counts.Started),
        ToFlowCount(counts.Ended),
        ToFlowCount(counts.ActiveAtEnd));

    public static FlowCount ToFlowCount(StayCount count) => new(Count.Of(count.Enrolments), Count.Of(count.Persons));

    private static int? BudgetedPlaces(ReportInput input)
    {
        if (!input.IsForbund)
        {
            return input.Insats?.BudgetedPlaces;
        }

        // Places are for individuals: not structural insatser, nor count-only ones (they count visits, not places), and
        // only insatser that ran in some part of the period (an insats that ended years ago has no places now).
        var withPlaces = input.Model.Insatser.Entities
            .Where(i => i.Kind is InsatsFacts.Individual or InsatsFacts.GroupCourse)
            .Where(i => (i.StartDate is not { } start || start <= input.Period.To) && (i.EndDate is not { } end || end >= input.Period.From))
            .ToList();
        return withPlaces.Count == 0 ? null : withPlaces.Sum(i => i.BudgetedPlaces);
    }
}
