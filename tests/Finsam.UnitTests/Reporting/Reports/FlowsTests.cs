using Finsam.Reporting.Domain.Reports.Sections;
using static Finsam.UnitTests.Reporting.Reports.ReportHistory;
using static Finsam.UnitTests.Reporting.Reports.ReportRows;

namespace Finsam.UnitTests.Reporting.Reports;

public sealed class FlowsTests
{
    // ips, 2025: e1 (p1, from 2024), e2 (p1 again), e3 (p2, ends 31 Dec), e4 (anonymous); e5 anonymous in 2024 only;
    // e6 an ending whose start never arrived; e7 in another insats.
    private static ReportHistory History() => new ReportHistory()
        .Insats("ips", places: 12)
        .Insats("move", kind: "group-course", places: 8)
        .Insats("arena", kind: "structural", places: 5)
        .Enrol("e1", "p1", "2024-05-01").End("e1", "2025-03-10")
        .Enrol("e2", "p1", "2025-06-01")
        .Enrol("e3", "p2", "2025-02-01").End("e3", "2025-12-31")
        .EnrolAnonymous("e4", "2025-04-01").End("e4", "2025-08-01")
        .EnrolAnonymous("e5", "2024-01-10").End("e5", "2024-06-30")
        .End("e6", "2025-05-01", insats: "ips")
        .Enrol("e7", "p3", "2025-03-01", insats: "move");

    [Fact]
    public void One_insats_counts_enrolments_and_persons_for_the_year_and_the_year_before()
    {
        var flows = FlowsCalculator.Compute(History().ForInsats("ips", 2025));

        Assert.Equal((D("2025-01-01"), D("2025-12-31")), (flows.Current.From, flows.Current.To));
        Assert.Equal((4, 3), Flow(flows.Current.Active));
        Assert.Equal((3, 3), Flow(flows.Current.Started));
        Assert.Equal((3, 3), Flow(flows.Current.Ended));
        Assert.Equal((1, 1), Flow(flows.Current.ActiveAtPeriodEnd));

        Assert.Equal((D("2024-01-01"), D("2024-12-31")), (flows.Previous.From, flows.Previous.To));
        Assert.Equal((2, 2), Flow(flows.Previous.Active));
        Assert.Equal((2, 2), Flow(flows.Previous.Started));
        Assert.Equal((1, 1), Flow(flows.Previous.Ended));
        Assert.Equal((1, 1), Flow(flows.Previous.ActiveAtPeriodEnd));

        Assert.Equal(12, flows.BudgetedPlaces);
        Assert.Equal(1, flows.ParkedEnrolments);
    }

    [Fact]
    public void The_forbund_counts_every_insats_and_sums_the_places_of_those_for_individuals()
    {
        var flows = FlowsCalculator.Compute(History().ForForbund(2025));

        Assert.Equal((5, 4), Flow(flows.Current.Active));
        Assert.Equal((4, 4), Flow(flows.Current.Started));
        Assert.Equal((2, 2), Flow(flows.Current.ActiveAtPeriodEnd));
        Assert.Equal(20, flows.BudgetedPlaces);
        Assert.Equal(1, flows.ParkedEnrolments);
    }

    [Fact]
    public void Budgeted_places_are_unknown_for_an_insats_or_a_catalogue_reporting_has_not_heard_of()
    {
        var noCatalogue = new ReportHistory().Enrol("e1", "p1", "2025-01-01", insats: "ghost");

        Assert.Null(FlowsCalculator.Compute(noCatalogue.ForInsats("ghost", 2025)).BudgetedPlaces);
        Assert.Null(FlowsCalculator.Compute(noCatalogue.ForForbund(2025)).BudgetedPlaces);
        Assert.Equal((1, 1), Flow(FlowsCalculator.Compute(noCatalogue.ForForbund(2025)).Current.Active));
    }

    [Fact]
    public void A_corrected_start_moves_the_stay_into_the_year_it_was_corrected_to()
    {
        var history = new ReportHistory()
            .Insats("ips")
            .Enrol("e1", "p1", "2024-12-20")
            .CorrectStart("e1", start: "2025-01-05");

        Assert.Equal((1, 1), Flow(FlowsCalculator.Compute(history.ForInsats("ips", 2025)).Current.Started));
        Assert.Equal((0, 0), Flow(FlowsCalculator.Compute(history.ForInsats("ips", 2024)).Current.Active));
    }

    [Fact]
    public void A_period_of_three_months_is_compared_with_the_three_months_before()
    {
        var flows = FlowsCalculator.Compute(History().ForInsats("ips", "2025-03-01", "2025-05-31"));

        Assert.Equal((D("2024-12-01"), D("2025-02-28")), (flows.Previous.From, flows.Previous.To));
        Assert.Equal((3, 3), Flow(flows.Current.Active)); // e1 (ends 10 Mar), e3, e4
        Assert.Equal((1, 1), Flow(flows.Current.Ended));
        Assert.Equal((2, 2), Flow(flows.Previous.Active)); // e1, e3
    }

    [Fact]
    public void An_empty_period_has_zero_flows_and_keeps_its_places()
    {
        var flows = FlowsCalculator.Compute(History().ForInsats("ips", 2020));

        foreach (var count in new[] { flows.Current.Active, flows.Current.Started, flows.Current.Ended, flows.Current.ActiveAtPeriodEnd })
        {
            Assert.Equal((0, 0), Flow(count));
        }

        Assert.Equal(12, flows.BudgetedPlaces);
    }
}
