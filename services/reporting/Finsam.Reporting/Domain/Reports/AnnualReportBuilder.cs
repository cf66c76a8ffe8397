using Finsam.Reporting.Domain.Reports.Sections;

namespace Finsam.Reporting.Domain.Reports;

/// <summary>
/// Puts the sections together into the exact report. Pure: the same read models, scope and period always give the
/// same report, which is what lets a frozen report be compared with the current one figure by figure.
/// </summary>
public static class AnnualReportBuilder
{
    /// <param name="asOfSequence">The last journal sequence the read models have applied, stated in the report.</param>
    /// <param name="dataFrom">The first day the scope's data covers (see <see cref="ReportScope.DataFrom"/>).</param>
    /// <param name="today">Today in Sweden: a period that ends after it is preliminary.</param>
    public static AnnualReport Build(ReportInput input, long asOfSequence, DateOnly? dataFrom = null, DateOnly? today = null)
    {
        var insats = input.Insats;
        var flows = FlowsCalculator.Compute(input);
        var results = ResultsCalculator.Compute(input);
        var profile = ProfileCalculator.Compute(input);
        var plans = PlansCalculator.For(input);
        return new AnnualReport(
            new ReportScope(
                input.InsatsId,
                insats?.Name,
                insats?.Kind,
                input.Period.From,
                input.Period.To,
                input.Period.IsCalendarYear,
                Protected: false,
                asOfSequence,
                dataFrom,
                today is { } day && input.Period.To >= day),
            flows,
            AnonymousCalculator.Compute(input),
            results,
            profile,
            OriginCalculator.Compute(input),
            TransitionsCalculator.Compute(input),
            plans,
            GoalsCalculator.For(input, flows, results, profile, plans),
            SelfAssessmentCalculator.For(input),
            GroupWorkCalculator.For(input),
            SurveyCalculator.For(input),
            PerInsatsCalculator.Compute(input),
            GenderSplitCalculator.Compute(input));
    }
}
