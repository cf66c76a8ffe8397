using Finsam.IntegrationEvents;
using Finsam.Reporting.Domain.Plans;
using static Finsam.UnitTests.Reporting.Books.BookEvents;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Books;

public sealed class PlanBookTests
{
    private static PlanBook Book(params IIntegrationEvent[] events)
    {
        var book = new PlanBook();
        book.ApplyAll(events);
        return book;
    }

    [Fact]
    public void Plans_are_kept_per_enrolment_by_plan_id()
    {
        var book = Book(Plan("e1", "a", "2025-02-01", within: true), Plan("e1", "b", "2025-05-01", within: true, goal: "studies"), Plan("e2", "c", "2025-03-01"));

        var plans = book.Find("e1")!;
        Assert.Equal(["a", "b"], plans.Counting().Select(p => p.PlanId));
        Assert.Equal(new PlanFacts(D("2025-05-01"), "studies", null, true), plans.Plans["b"].Facts);
        Assert.Equal("c", book.Find("e2")!.FirstCounting()!.PlanId);
    }

    [Fact]
    public void A_correction_that_occurred_later_wins_even_when_it_arrives_first()
    {
        var plans = Book(PlanCorrection("e1", "a", "2025-03-01", within: false, at: 10), Plan("e1", "a", "2025-02-01", within: true, at: 0)).Find("e1")!;

        Assert.Equal(D("2025-03-01"), plans.Plans["a"].Facts!.RecordedOn);
        Assert.False(plans.Plans["a"].Facts!.WithinDeadline);
    }

    [Fact]
    public void A_correction_at_the_same_instant_beats_the_recording()
    {
        var plans = Book(PlanCorrection("e1", "a", "2025-03-01", at: 0), Plan("e1", "a", "2025-02-01", at: 0)).Find("e1")!;
        Assert.Equal(D("2025-03-01"), plans.Plans["a"].Facts!.RecordedOn);
    }

    [Fact]
    public void A_retraction_that_arrives_before_the_plan_keeps_the_plan_from_counting()
    {
        var book = Book(PlanRetraction("e1", "a", at: 5));
        Assert.False(book.Find("e1")!.Plans["a"].Counts);

        book.ApplyAll([Plan("e1", "a", "2025-02-01", within: true, at: 0), PlanCorrection("e1", "a", "2025-02-02", within: true, at: 9)]);
        var plan = book.Find("e1")!.Plans["a"];
        Assert.True(plan.Retracted);
        Assert.False(plan.Counts);
        Assert.NotNull(plan.Facts);
        Assert.Null(book.Find("e1")!.FirstCounting());
        Assert.False(book.Find("e1")!.HasPlanBy(D("2030-01-01")));
    }

    [Fact]
    public void The_first_plan_that_counts_skips_retracted_ones_and_breaks_a_tie_on_the_day_by_id()
    {
        var plans = Book(
            Plan("e1", "z", "2025-01-10", within: true), PlanRetraction("e1", "z"),
            Plan("e1", "m", "2025-02-01", within: false), Plan("e1", "b", "2025-02-01", within: false)).Find("e1")!;

        Assert.Equal("b", plans.FirstCounting()!.PlanId);
        Assert.True(plans.HasPlanBy(D("2025-02-01")));
        Assert.False(plans.HasPlanBy(D("2025-01-31")));
    }

    [Fact]
    public void A_second_delivery_changes_nothing_and_any_order_gives_the_same_plans()
    {
        AssertIdempotentAndOrderFree<PlanBook>(
        [
            Plan("e1", "a", "2025-02-01", within: true, at: 0), PlanCorrection("e1", "a", "2025-02-03", within: true, at: 3),
            PlanCorrection("e1", "a", "2025-02-05", within: false, at: 3), Plan("e1", "b", "2025-06-01", at: 4), PlanRetraction("e1", "b", at: 6),
            PlanRetraction("e2", "c", at: 1), Plan("e2", "c", "2025-01-01", at: 0), Plan("e2", "d", "2025-01-02", within: null, at: 2),
        ]);
    }

    [Fact]
    public void Every_enrolments_plans_round_trip_through_json()
    {
        AssertRoundTrips(Book(Plan("e1", "a", "2025-02-01", within: true), PlanRetraction("e1", "b", at: 2), Plan("e2", "c", "2025-01-01")));
    }
}
