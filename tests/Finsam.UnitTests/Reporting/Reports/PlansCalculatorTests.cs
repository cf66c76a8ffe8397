using Finsam.IntegrationEvents;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Sections;
using static Finsam.UnitTests.Reporting.Books.BookEvents;
using static Finsam.UnitTests.Reporting.Reports.BookSectionModel;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Reports;

public sealed class PlansCalculatorTests
{
    // X requires a plan within 28 days; Y has no deadline.
    private static readonly IIntegrationEvent[] History =
    [
        Insats("X", planDeadlineDays: 28), Insats("Y"),
        // Started the year before, plan long ago: current, not in the in-time denominator.
        Started("e1", "p1", "2024-06-01"), Plan("e1", "a", "2024-06-20", within: true),
        // p2 twice: in time in the first stay, late in the second.
        Started("e2", "p2", "2025-02-01"), Ended("e2", "2025-09-30"), Plan("e2", "b", "2025-02-20", within: true),
        Started("e3", "p2", "2025-10-01"), Plan("e3", "c", "2025-11-15", within: false),
        // The in-time plan was retracted, so the first plan that counts is the late one.
        Started("e4", "p3", "2025-03-01"), Plan("e4", "d", "2025-03-10", within: true), PlanRetraction("e4", "d", at: 5), Plan("e4", "e", "2025-05-01", within: false),
        // No plan at all.
        Started("e5", "p4", "2025-04-01"),
        // Started in December, planned in January (in time, but not current at the year's end).
        Started("e6", "p5", "2025-12-01"), Plan("e6", "f", "2026-01-05", within: true),
        // Anonymous: left out.
        Anonymous("e7", "2025-05-01"), Plan("e7", "g", "2025-05-05", within: true),
        // Ended before the year.
        Started("e8", "p6", "2023-01-01"), Ended("e8", "2024-12-31"), Plan("e8", "h", "2023-01-10", within: true),
        // Another insats, without a deadline.
        Started("e9", "p7", "2025-02-01", insats: "Y"), Plan("e9", "i", "2025-02-02", insats: "Y"),
        // Recorded in time, then corrected (after the event) to a date past the deadline.
        Started("e10", "p8", "2025-06-01"), Plan("e10", "j", "2025-06-10", within: true, at: 1), PlanCorrection("e10", "j", "2025-08-01", within: false, at: 50),
        // Plans of a stay whose start hasn't arrived: in no figure.
        Plan("e11", "k", "2025-03-01", within: true),
    ];

    [Fact]
    public void Coverage_and_plans_in_time_of_one_insats()
    {
        var section = PlansCalculator.For(Input(Model(History), "X", 2025));

        // Enrolled e1 e2 e3 e4 e5 e6 e10; current plan e1 e2 e3 e4 e10.
        // Started with a deadline e2 e3 e4 e5 e6 e10; in time e2 e6.
        Assert.Equal(new PlanSection(Count.Of(7), Count.Of(5), 71.4m, 28, Count.Of(2), Count.Of(6), 33.3m), section);
    }

    [Fact]
    public void At_forbund_level_each_stay_meets_its_own_insats_deadline()
    {
        var section = PlansCalculator.For(Input(Model(History), null, 2025));

        Assert.Equal(new PlanSection(Count.Of(8), Count.Of(6), 75.0m, null, Count.Of(2), Count.Of(6), 33.3m), section);
    }

    [Fact]
    public void An_insats_without_a_deadline_has_no_plans_in_time_to_count()
    {
        var section = PlansCalculator.For(Input(Model(History), "Y", 2025));

        Assert.Equal(new PlanSection(Count.Of(1), Count.Of(1), 100.0m, null, Count.Zero, Count.Zero, null), section);
    }

    [Fact]
    public void A_period_with_nobody_enrolled_gives_zeros_and_no_shares()
    {
        var section = PlansCalculator.For(Input(Model(History), "X", 2022));

        Assert.Equal(new PlanSection(Count.Zero, Count.Zero, null, 28, Count.Zero, Count.Zero, null), section);
    }

    [Fact]
    public void The_year_after_counts_the_plan_made_in_january_as_current()
    {
        var section = PlansCalculator.For(Input(Model(History), "X", 2026));

        // Active 2026: e1 e3 e4 e5 e6 e10 (e2 ended 2025), all with a current plan but e5; nobody started in 2026.
        Assert.Equal(new PlanSection(Count.Of(6), Count.Of(5), 83.3m, 28, Count.Zero, Count.Zero, null), section);
    }
}
