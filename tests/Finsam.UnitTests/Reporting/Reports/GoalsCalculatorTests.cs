using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Sections;
using static Finsam.UnitTests.Reporting.Reports.BookSectionModel;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Reports;

/// <summary>The goals read the flow and results sections: those are built here by hand, with the figures the goals need.</summary>
public sealed class GoalsCalculatorTests
{
    private static readonly IIntegrationEvent[] Stays =
    [
        Insats("X", enrolmentTarget: 5, genderBalanceMinPercent: 40, workOrStudiesTargetPercent: 40),
        Insats("N"),
        // p1 twice: one person.
        Stay("e1", "p1", "2025-01-10"), Ended("e1", "2025-03-01"), Stay("e2", "p1", "2025-06-01"),
        Stay("e3", "p2", "2025-02-01", gender: "man"),
        // Registered as a woman, corrected to a man.
        Stay("e4", "p3", "2024-05-01"), new ParticipantRegistered("p3", "woman", 1980, At(0)), new ParticipantCorrected("p3", "man", 1980, At(10)),
        // Anonymous: counted for the balance by the gender it was registered with.
        Stay("e5", null, "2025-04-01"),
        Stay("e6", "p4", "2025-05-01", gender: "other"),
        // Not active in 2025.
        Stay("e7", "p5", "2023-01-01", gender: "man"), Ended("e7", "2024-12-31"),
        // Another insats.
        Stay("e8", "p6", "2025-01-01", insats: "N", gender: "man"),
    ];

    private static FlowCount Flow(int enrolments, int persons) => new(Count.Of(enrolments), Count.Of(persons));

    private static FlowSection Flows(int startedPersons)
    {
        var current = new FlowCounts(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), Flow(6, 5), Flow(5, startedPersons), Flow(1, 1), Flow(5, 5));
        var previous = new FlowCounts(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), Flow(2, 2), Flow(1, 1), Flow(1, 1), Flow(1, 1));
        return new FlowSection(current, previous, 10, 0);
    }

    private static ResultsSection Results(decimal? workOrStudiesPercent) =>
        new(Count.Of(11), new GenderCounts(Count.Of(3), Count.Of(2), Count.Zero, Count.Of(5)), Count.Zero, Count.Zero, Count.Of(5), workOrStudiesPercent, 40, workOrStudiesPercent >= 40);

    private static readonly NumberSummary NoNumbers = new(Count.Zero, null, null, null);
    private static readonly Distribution NoRows = new(Count.Zero, "avslutade", false, []);

    private static readonly ProfileSection Profile = new(Count.Zero, NoRows, NoRows, NoRows, NoNumbers, 9, Count.Zero, NoRows, NoNumbers, NoNumbers, NoRows, NoRows);

    private static readonly PlanSection Plans = new(Count.Zero, Count.Zero, null, null, Count.Zero, Count.Zero, null);

    [Fact]
    public void One_row_per_target_of_the_insats()
    {
        var goals = GoalsCalculator.For(Input(Model(Stays), "X", 2025), Flows(startedPersons: 4), Results(45.5m), Profile, Plans).Goals;

        Assert.Equal(["enrolment", "gender-balance", "work-or-studies"], goals.Select(g => g.Code));
        Assert.Equal((5m, (decimal?)4m, (bool?)false, "personer"), (goals[0].Target, goals[0].Actual, goals[0].Met, goals[0].Unit));
        // Active persons: p1 woman, p2 man, p3 man (corrected), an anonymous woman, p4 other: 2 of 5 each.
        Assert.Equal((40m, (decimal?)40.0m, (bool?)true, "procent"), (goals[1].Target, goals[1].Actual, goals[1].Met, goals[1].Unit));
        Assert.Equal((40m, (decimal?)45.5m, (bool?)true), (goals[2].Target, goals[2].Actual, goals[2].Met));
        Assert.All(goals, g => Assert.False(string.IsNullOrWhiteSpace(g.Label)));
    }

    [Fact]
    public void Without_the_correction_the_balance_falls_short()
    {
        var history = Stays.Where(e => e is not ParticipantCorrected).ToList();
        var balance = GoalsCalculator.For(Input(Model(history), "X", 2025), Flows(4), Results(45.5m), Profile, Plans).Goals[1];

        // Women p1, p3, the anonymous stay; one man: 1 of 5.
        Assert.Equal(((decimal?)20.0m, (bool?)false), (balance.Actual, balance.Met));
    }

    [Fact]
    public void A_share_that_cant_be_measured_is_neither_met_nor_missed()
    {
        var goals = GoalsCalculator.For(Input(Model(Stays), "X", 2022), Flows(0), Results(null), Profile, Plans).Goals;

        Assert.Equal(((decimal?)null, (bool?)null), (goals[1].Actual, goals[1].Met));
        Assert.Equal(((decimal?)null, (bool?)null), (goals[2].Actual, goals[2].Met));
        Assert.Equal(((decimal?)0m, (bool?)false), (goals[0].Actual, goals[0].Met));
    }

    [Fact]
    public void An_insats_without_targets_and_the_forbund_have_no_goal_rows()
    {
        Assert.Empty(GoalsCalculator.For(Input(Model(Stays), "N", 2025), Flows(1), Results(50m), Profile, Plans).Goals);
        Assert.Empty(GoalsCalculator.For(Input(Model(Stays), null, 2025), Flows(6), Results(50m), Profile, Plans).Goals);
    }
}
