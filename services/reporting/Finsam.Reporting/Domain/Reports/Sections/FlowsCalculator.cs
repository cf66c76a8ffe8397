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
    /// The figures are <see cref="StayCounts.For"/>'s, counted from the report's <see cref="StayTable"/>.
    /// </remarks>
    public static FlowSection Compute(ReportInput input)
    {
        var table = input.Table;
        var marks = new FlowMarks(table);
        var current = table.CountPeriod(table.All, input.Period, marks);
        var previous = table.CountPeriod(table.All, input.Period.Previous(), marks);
        return new FlowSection(ToFlowCounts(current), ToFlowCounts(previous), BudgetedPlaces(input), table.Parked);
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
