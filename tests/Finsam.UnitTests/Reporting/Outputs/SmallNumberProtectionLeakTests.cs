using System.Text.Json;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Protection;
using static Finsam.UnitTests.Reporting.Outputs.SampleReports;

namespace Finsam.UnitTests.Reporting.Outputs;

/// <summary>
/// The leaks of the issue-6 review (/work/review-issue6.md, section 1), each rebuilt as a report and shown closed: the
/// hidden figure is not shown anywhere else, nor can it be recomputed from what is shown.
/// </summary>
public sealed class SmallNumberProtectionLeakTests
{
    private static readonly Count Small = new(null, Suppression.Small);
    private static readonly Count Secondary = new(null, Suppression.Secondary);

    /// <summary>True when some shown count in the report is exactly <paramref name="value"/>.</summary>
    private static bool Shows(AnnualReport report, int value) =>
        JsonSerializer.Serialize(report).Contains($"\"Value\":{value},", StringComparison.Ordinal);

    [Fact]
    public void Review_1a_hidden_ended_enrolments_hide_the_ended_persons_the_anonymous_ended_total_and_the_results_ended_too()
    {
        // One insats, 10 active, 7 ended, 3 still enrolled, none anonymous: 10 = 7 + 3 hides the 7 ended enrolments.
        var shown = SmallNumberProtection.Protect(Consistent(active: 10, ended: 7));

        Assert.Equal(new FlowCount(C(10), C(10)), shown.Flows.Current.Active);
        Assert.Equal(new FlowCount(Small, Small), shown.Flows.Current.ActiveAtPeriodEnd);
        Assert.Equal(new FlowCount(Secondary, Secondary), shown.Flows.Current.Ended);
        Assert.Equal((Secondary, Secondary), (shown.Anonymous.EndedTotal, shown.Anonymous.EndedInStatistics));
        Assert.Equal((Secondary, Secondary, Secondary), (shown.Results.Ended, shown.Profile.Ended, shown.Origin.Ended));
        Assert.Equal((Secondary, Secondary), (shown.Profile.DaysInInsats.N, shown.Origin.DaysInInsats.N));
        Assert.Equal(Small, shown.Origin.Ongoing);
        Assert.False(Shows(shown, 7), "the 7 ended is shown somewhere, so 10 − 7 gives the 3 away");
    }

    [Fact]
    public void Review_1b_the_anonymous_count_cannot_be_recovered_as_the_active_total_minus_the_origins_enrolled()
    {
        // 12 active, 2 of them anonymous: 12 = 2 + 10 hides the 10 in the statistics, and with it every place the 10 is
        // published (origin's enrolled, the referrals' denominator, the plans' enrolled).
        var shown = SmallNumberProtection.Protect(Consistent(active: 12, ended: 0, anonymousActive: 2));

        Assert.Equal((C(12), Small, Secondary), (shown.Anonymous.ActiveTotal, shown.Anonymous.ActiveAnonymous, shown.Anonymous.ActiveInStatistics));
        Assert.Equal((Secondary, Secondary, Secondary), (shown.Origin.Enrolled, shown.Origin.ReferralsByAgency.Denominator, shown.Plans.Enrolled));
        Assert.False(Shows(shown, 10), "the 10 in the statistics is shown somewhere, so 12 − 10 gives the 2 anonymous away");
    }

    [Fact]
    public void Review_1c_to_studies_cannot_be_recovered_as_to_work_or_studies_minus_to_work()
    {
        // 10 ended: 6 to work (2 women, 4 men), 3 to studies, 9 to work or studies. 9 − 6 would give the 3 away.
        var exact = Consistent(active: 10, ended: 10);
        exact = exact with { Results = new ResultsSection(C(10), G(2, 4), C(3), C(1), C(9), Percent.Of(9, 10), 40, true) };

        var results = SmallNumberProtection.Protect(exact).Results;

        Assert.Equal(Small, results.ToStudies);
        Assert.Equal(Secondary, results.ToWork.Total);
        Assert.Equal((C(9), C(10), 90.0m), (results.ToWorkOrStudies, results.Ended, results.WorkOrStudiesPercent));
    }

    [Fact]
    public void Review_1d_a_gender_balance_of_10_percent_of_20_is_2_people_and_is_hidden_with_its_count()
    {
        var exact = Consistent(active: 20, ended: 0);
        exact = exact with
        {
            Goals = new GoalsSection(
            [
                new GoalRow("gender-balance", "Jämn könsfördelning", "procent", 40, Percent.Of(2, 20), false, Basis: C(2)),
                new GoalRow("gender-balance", "Jämn könsfördelning", "procent", 40, Percent.Of(5, 20), false, Basis: C(5)),
            ]),
        };

        var goals = SmallNumberProtection.Protect(exact).Goals.Goals;

        Assert.Equal((null, null, Small), (goals[0].Actual, goals[0].Met, goals[0].Basis));

        // 5 men of 20 is not a small number: 25 % is shown, and that it was not met.
        Assert.Equal((25.0m, false, C(5)), (goals[1].Actual, goals[1].Met, goals[1].Basis));
    }

    [Fact]
    public void Review_1e_with_the_forbunds_13_active_persons_insats_a_3_and_b_10_b_s_persons_are_hidden_too()
    {
        // 13 = 3 + 10 in persons as in enrolments (no one in both): B's 10 goes in every column and in its participants.
        var exact = Consistent(active: 13, ended: 0);
        var row = Forbund().PerInsats![0];
        exact = exact with
        {
            Scope = exact.Scope with { InsatsId = null, InsatsName = null, InsatsKind = null },
            PerInsats =
            [
                row with { InsatsId = "a", Active = Flow(3, 3), Started = Flow(3, 3), Ended = Flow(0, 0), ActiveAtPeriodEnd = Flow(3, 3), ParticipantsByGender = G(3, 0) },
                row with { InsatsId = "b", Active = Flow(10, 10), Started = Flow(10, 10), Ended = Flow(0, 0), ActiveAtPeriodEnd = Flow(10, 10), ParticipantsByGender = G(5, 5) },
            ],
        };

        var shown = SmallNumberProtection.Protect(exact);
        var (a, b) = (shown.PerInsats![0], shown.PerInsats[1]);

        Assert.Equal(new FlowCount(C(13), C(13)), shown.Flows.Current.Active);
        Assert.Equal(new FlowCount(Small, Small), a.Active);
        Assert.Equal(new FlowCount(Secondary, Secondary), b.Active);
        Assert.Equal(Secondary, b.ParticipantsByGender.Total);
        Assert.False(Shows(shown, 10), "B's 10 is shown somewhere, so 13 − 10 gives A's 3 away");
    }

    [Fact]
    public void Review_1f_a_total_of_6_with_5_women_and_1_man_is_not_shown_beside_a_dot_dot_and_a_below_5()
    {
        // ".." is at least 5 and "<5" at least 1: with the 6 shown they could only be 5 and 1. The total goes too (and,
        // as nothing else went to work or studies, the 6 to work or studies with it).
        var exact = Consistent(active: 10, ended: 10);
        exact = exact with { Results = new ResultsSection(C(10), G(5, 1), C(0), C(4), C(6), Percent.Of(6, 10), 40, true) };

        var results = SmallNumberProtection.Protect(exact).Results;

        Assert.Equal(new GenderCounts(Secondary, Small, C(0), Secondary), results.ToWork);
        Assert.Equal((Secondary, (decimal?)null, (bool?)null), (results.ToWorkOrStudies, results.WorkOrStudiesPercent, results.MeetsTarget));
    }

    [Fact]
    public void Review_1f_a_dot_dot_and_a_below_5_that_still_leave_a_choice_keep_their_total()
    {
        // 5 women and 2 men of 7 in a row of a multi-valued transition table (no other sum): the "<5" is 1 or 2.
        var exact = Consistent(active: 10, ended: 10);
        exact = exact with
        {
            Transitions = exact.Transitions with
            {
                ForsorjningToForsorjning = exact.Transitions.ForsorjningToForsorjning with { Rows = [Row("forsorjningsstod", "ingen", G(5, 2))] },
            },
        };

        var row = SmallNumberProtection.Protect(exact).Transitions.ForsorjningToForsorjning.Rows.Single();

        Assert.Equal(new GenderCounts(Secondary, Small, C(0), C(7)), row.People);
    }
}
