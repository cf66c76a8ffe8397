using Finsam.IntegrationEvents;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Sections;
using Finsam.Reporting.Domain.Stays;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Stays;

public sealed class StayCountsTests
{
    private static StayCounts Count(int year, string? insats, params IIntegrationEvent[] events) =>
        Counts(Model(events), insats, ReportPeriod.Year(year));

    /// <summary>The flow counts as a report makes them (<see cref="FlowsCalculator.Counts"/>).</summary>
    internal static StayCounts Counts(ReportingModel model, string? insats, ReportPeriod period) =>
        FlowsCalculator.Counts(new ReportInput(model, insats, period, new ReportSettings()));

    private static ReportingModel Model(IEnumerable<IIntegrationEvent> events)
    {
        var model = new ReportingModel();
        model.Stays.ApplyAll(events);
        return model;
    }

    // (enrolments, persons) for active, started, ended, activeAtEnd.
    private static void AssertCounts(PeriodCounts counts, (int, int) active, (int, int) started, (int, int) ended, (int, int) activeAtEnd)
    {
        Assert.Equal(new StayCount(active.Item1, active.Item2), counts.Active);
        Assert.Equal(new StayCount(started.Item1, started.Item2), counts.Started);
        Assert.Equal(new StayCount(ended.Item1, ended.Item2), counts.Ended);
        Assert.Equal(new StayCount(activeAtEnd.Item1, activeAtEnd.Item2), counts.ActiveAtEnd);
    }

    [Fact]
    public void A_person_back_twice_counts_as_two_enrolments_and_one_person()
    {
        var counts = Count(2025, "X",
            Started("e1", "p1", "2025-02-01"), Ended("e1", "2025-04-30"),
            Started("e2", "p1", "2025-09-01"),
            Started("e3", "p2", "2025-03-01"));

        AssertCounts(counts.Current, active: (3, 2), started: (3, 2), ended: (1, 1), activeAtEnd: (2, 2));
        AssertCounts(counts.Previous, (0, 0), (0, 0), (0, 0), (0, 0));
        Assert.Equal(ReportPeriod.Year(2024), counts.Previous.Period);
        Assert.Equal(0, counts.Parked);
    }

    [Fact]
    public void Stays_across_years_count_in_each_year_they_touch()
    {
        IIntegrationEvent[] history =
        [
            Started("e1", "p1", "2023-05-01"), Ended("e1", "2025-03-10"),
            Started("e2", "p2", "2024-11-01"), Ended("e2", "2024-12-30"),
            Started("e3", "p3", "2024-06-01"),
        ];

        var counts = Count(2025, "X", history);

        AssertCounts(counts.Current, active: (2, 2), started: (0, 0), ended: (1, 1), activeAtEnd: (1, 1));
        AssertCounts(counts.Previous, active: (3, 3), started: (2, 2), ended: (1, 1), activeAtEnd: (2, 2));
    }

    [Fact]
    public void An_end_on_31_december_is_ended_in_that_year_and_not_active_at_its_end()
    {
        IIntegrationEvent[] history = [Started("e1", "p1", "2025-03-01"), Ended("e1", "2025-12-31")];

        AssertCounts(Count(2025, "X", history).Current, active: (1, 1), started: (1, 1), ended: (1, 1), activeAtEnd: (0, 0));
        AssertCounts(Count(2026, "X", history).Current, (0, 0), (0, 0), (0, 0), (0, 0));
    }

    [Fact]
    public void An_end_on_1_january_is_active_at_the_end_of_the_year_before_and_ended_in_the_new_one()
    {
        IIntegrationEvent[] history = [Started("e1", "p1", "2025-03-01"), Ended("e1", "2026-01-01")];

        AssertCounts(Count(2025, "X", history).Current, active: (1, 1), started: (1, 1), ended: (0, 0), activeAtEnd: (1, 1));
        AssertCounts(Count(2026, "X", history).Current, active: (1, 1), started: (0, 0), ended: (1, 1), activeAtEnd: (0, 0));
    }

    [Fact]
    public void A_start_on_31_december_is_started_and_active_at_that_years_end()
    {
        IIntegrationEvent[] history = [Started("e1", "p1", "2025-12-31")];

        AssertCounts(Count(2025, "X", history).Current, active: (1, 1), started: (1, 1), ended: (0, 0), activeAtEnd: (1, 1));
        AssertCounts(Count(2025, "X", history).Previous, (0, 0), (0, 0), (0, 0), (0, 0));
        AssertCounts(Count(2026, "X", history).Current, active: (1, 1), started: (0, 0), ended: (0, 0), activeAtEnd: (1, 1));
    }

    [Fact]
    public void Anonymous_stays_count_as_enrolments_and_each_as_its_own_person()
    {
        var counts = Count(2025, "X",
            Anonymous("a1", "2025-02-01"), Ended("a1", "2025-03-01"),
            Anonymous("a2", "2025-05-01"),
            Started("e1", "p1", "2025-01-10"), Ended("e1", "2025-02-10"),
            Started("e2", "p1", "2025-06-01"));

        // Two anonymous stays can't be told apart from one person back twice: each counts as one person.
        AssertCounts(counts.Current, active: (4, 3), started: (4, 3), ended: (2, 2), activeAtEnd: (2, 2));
    }

    [Fact]
    public void A_correction_that_moves_the_start_into_the_previous_year_moves_the_started_count_with_it()
    {
        var counts = Count(2025, "X", Started("e1", "p1", "2025-01-10", at: 1), StartCorrected("e1", "2024-12-20", at: 50));

        AssertCounts(counts.Current, active: (1, 1), started: (0, 0), ended: (0, 0), activeAtEnd: (1, 1));
        AssertCounts(counts.Previous, active: (1, 1), started: (1, 1), ended: (0, 0), activeAtEnd: (1, 1));
    }

    [Fact]
    public void An_ending_without_its_start_is_left_out_and_reported_as_parked_until_the_start_arrives()
    {
        var model = new ReportingModel();
        model.Stays.Apply(Started("e1", "p1", "2025-01-10"));
        model.Stays.Apply(Ended("e2", "2025-06-30", at: 9));

        var before = Counts(model, "X", ReportPeriod.Year(2025));
        AssertCounts(before.Current, active: (1, 1), started: (1, 1), ended: (0, 0), activeAtEnd: (1, 1));
        Assert.Equal(1, before.Parked);

        model.Stays.Apply(Started("e2", "p2", "2025-02-01", at: 2));

        var after = Counts(model, "X", ReportPeriod.Year(2025));
        AssertCounts(after.Current, active: (2, 2), started: (2, 2), ended: (1, 1), activeAtEnd: (1, 1));
        Assert.Equal(0, after.Parked);
    }

    [Fact]
    public void Duplicated_events_give_the_same_counts()
    {
        IIntegrationEvent[] history =
        [
            Started("e1", "p1", "2025-02-01"), Ended("e1", "2025-04-30", at: 3), EndCorrected("e1", "2025-05-31", at: 4),
            Started("e2", "p2", "2024-03-01"),
        ];

        Assert.Equal(Count(2025, "X", history), Count(2025, "X", [.. history, .. history, history[2], history[0]]));
    }

    [Fact]
    public void Counts_are_per_insats_or_over_all_insatser_with_a_person_counted_once()
    {
        IIntegrationEvent[] history =
        [
            Started("e1", "p1", "2025-02-01", insats: "X"),
            Started("e2", "p1", "2025-03-01", insats: "Y"),
            Started("e3", "p2", "2025-04-01", insats: "Y"),
            Ended("e4", "2025-05-01", insats: "Y"),
        ];

        var x = Count(2025, "X", history);
        var y = Count(2025, "Y", history);
        var all = Count(2025, null, history);

        Assert.Equal(new StayCount(1, 1), x.Current.Active);
        Assert.Equal(0, x.Parked);
        Assert.Equal(new StayCount(2, 2), y.Current.Active);
        Assert.Equal(1, y.Parked);
        Assert.Equal(new StayCount(3, 2), all.Current.Active);
        Assert.Equal(1, all.Parked);
        Assert.Null(all.InsatsId);
    }

    [Fact]
    public void A_period_across_years_counts_during_the_period_and_active_at_its_last_day()
    {
        var model = Model(
        [
            Started("e1", "p1", "2020-11-01"), Ended("e1", "2021-06-30"),
            Started("e2", "p2", "2022-05-01"), Ended("e2", "2023-08-31"),
            Started("e3", "p3", "2023-08-01"),
            Started("e4", "p4", "2020-09-30"), Ended("e4", "2020-10-01"),
        ]);

        var counts = Counts(model, "X", new ReportPeriod(D("2020-10-01"), D("2023-08-31")));

        AssertCounts(counts.Current, active: (4, 4), started: (3, 3), ended: (3, 3), activeAtEnd: (1, 1));
        Assert.Equal(new ReportPeriod(D("2017-11-01"), D("2020-09-30")), counts.Previous.Period);
        AssertCounts(counts.Previous, active: (1, 1), started: (1, 1), ended: (0, 0), activeAtEnd: (1, 1));
    }
}
