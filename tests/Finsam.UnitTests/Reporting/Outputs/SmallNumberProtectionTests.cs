using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Protection;
using static Finsam.UnitTests.Reporting.Outputs.SampleReports;

namespace Finsam.UnitTests.Reporting.Outputs;

public sealed class SmallNumberProtectionTests
{
    private static readonly Count Small = new(null, Suppression.Small);
    private static readonly Count Secondary = new(null, Suppression.Secondary);

    [Fact]
    public void One_small_cell_in_a_gender_split_hides_the_smallest_other_non_zero_cell_too()
    {
        // To work: 4 women, 6 men, 0 other, 10 in all. 10 − 6 − 0 would give the 4 away.
        var toWork = SmallNumberProtection.Protect(Insats()).Results.ToWork;

        Assert.Equal(new GenderCounts(Small, Secondary, C(0), C(10)), toWork);
    }

    [Fact]
    public void Two_small_cells_protect_each_other_and_need_no_secondary()
    {
        // Age bands 2, 8, 7, 4 of 21: two unknowns in one sum can't be told apart.
        var ages = SmallNumberProtection.Protect(Insats()).Profile.AgeBands;

        Assert.Equal([Small, C(8), C(7), Small], ages.Rows.Select(r => r.Count));
        Assert.Equal([null, Percent.Of(8, 21), Percent.Of(7, 21), null], ages.Rows.Select(r => r.Percent));
        Assert.Equal(C(21), ages.Denominator);
    }

    [Fact]
    public void Zero_stays_shown_and_is_never_picked_for_secondary_suppression()
    {
        var report = SmallNumberProtection.Protect(Insats());

        Assert.Equal(C(0), report.Results.ToWork.Other);
        Assert.Equal(C(0), report.Profile.YearsInSupportAboveThreshold);
        Assert.Equal(C(0), report.Profile.Gender.Rows.Single(r => r.Code == "other").Count);
        Assert.Equal(0m, report.Profile.Gender.Rows.Single(r => r.Code == "other").Percent);
    }

    [Fact]
    public void A_single_small_band_costs_its_smallest_neighbour_and_the_neighbours_share()
    {
        // Time in insats: 5, 7, 6, 3 of 21.
        var bands = SmallNumberProtection.Protect(Insats()).Profile.TimeInInsatsBands;

        Assert.Equal([Secondary, C(7), C(6), Small], bands.Rows.Select(r => r.Count));
        Assert.Equal([null, Percent.Of(7, 21), Percent.Of(6, 21), null], bands.Rows.Select(r => r.Percent));
    }

    [Fact]
    public void A_whole_table_below_five_hides_every_non_zero_cell_the_denominator_and_what_rests_on_them()
    {
        var exact = Insats();
        exact = exact with
        {
            Profile = exact.Profile with
            {
                Education = Single(("grundskola", "Grundskola", 3), ("gymnasium", "Gymnasium", 1), ("okand", "Okänd", 0)),
                MonthsInInsats = Summary(4, 2, 9, 5.5m),
            },
        };

        var profile = SmallNumberProtection.Protect(exact).Profile;

        Assert.Equal(Small, profile.Education.Denominator);
        Assert.Equal([Small, Small, C(0)], profile.Education.Rows.Select(r => r.Count));
        Assert.All(profile.Education.Rows, r => Assert.Null(r.Percent));
        Assert.Equal(new NumberSummary(Small, null, null, null), profile.MonthsInInsats);
    }

    [Fact]
    public void A_multi_valued_distribution_has_no_additive_total_so_only_primary_suppression()
    {
        // End reasons 10, 3, 8 of 21: the rows may sum to more than the people, so nothing can be recomputed.
        var reasons = SmallNumberProtection.Protect(Insats()).Profile.EndReasons;

        Assert.Equal([C(10), Small, C(8)], reasons.Rows.Select(r => r.Count));
        Assert.Equal(Percent.Of(10, 21), reasons.Rows[0].Percent);
    }

    [Fact]
    public void Secondary_suppression_cascades_from_a_transition_table_into_a_rows_gender_split()
    {
        // Sysselsättning start → end, single-valued, 21 in all: rows 9 (3 w, 6 m), 3 (1 w, 2 m), 9 (6 w, 3 m).
        var table = SmallNumberProtection.Protect(Insats()).Transitions.SysselsattningToSysselsattning;

        // Row by row: 3 women beside 6 men of 9 costs the men; 3 men beside 6 women of 9 costs the women.
        // Then the rows' totals: the hidden 3 of 21 costs the smallest other total (the first 9 of two).
        Assert.Equal([Secondary, Small, C(9)], table.Rows.Select(r => r.People.Total));
        Assert.Equal(new GenderCounts(Small, Secondary, C(0), Secondary), table.Rows[0].People);
        Assert.Equal(new GenderCounts(Small, Small, C(0), Small), table.Rows[1].People);
        Assert.Equal(new GenderCounts(Secondary, Small, C(0), C(9)), table.Rows[2].People);
        Assert.Equal(C(21), table.Denominator);
    }

    [Fact]
    public void Cells_that_miss_their_total_by_a_small_remainder_get_secondary_suppression()
    {
        // Rows 10 and 8 of 20: the 2 without a row would be 20 − 10 − 8.
        var exact = Insats();
        exact = exact with
        {
            Profile = exact.Profile with
            {
                Education = Dist(20, "avslutade under året", multiValued: false, ("grundskola", "Grundskola", 10), ("gymnasium", "Gymnasium", 8)),
            },
        };

        var education = SmallNumberProtection.Protect(exact).Profile.Education;

        Assert.Equal([C(10), Secondary], education.Rows.Select(r => r.Count));
    }

    [Fact]
    public void Flows_hide_small_counts_and_the_active_figure_cannot_give_away_a_small_ended()
    {
        // Previous year: 20 active = 3 ended + 17 active at its end.
        var flows = SmallNumberProtection.Protect(Insats()).Flows;

        Assert.Equal(new FlowCount(Small, Small), flows.Previous.Ended);
        Assert.Equal(new FlowCount(Secondary, C(17)), flows.Previous.ActiveAtPeriodEnd);
        Assert.Equal(new FlowCount(C(20), C(20)), flows.Previous.Active);
        Assert.Equal(new FlowCount(C(41), C(39)), flows.Current.Active);
        Assert.Equal(25, flows.BudgetedPlaces);
    }

    [Fact]
    public void Anonymous_enrolments_below_five_are_hidden_with_their_complement()
    {
        var anonymous = SmallNumberProtection.Protect(Insats()).Anonymous;

        Assert.Equal(new AnonymousSection(C(41), C(6), C(35), C(24), Small, Secondary), anonymous);
    }

    [Fact]
    public void One_small_agency_costs_the_smallest_other_agency()
    {
        // AF 1, kommun 22, FK 5, region 7 of 35.
        var origin = SmallNumberProtection.Protect(Insats()).Origin;

        Assert.Equal([Small, C(22), Secondary, C(7)], origin.ReferralsByAgency.Rows.Select(r => r.Count));
        Assert.Equal(Small, origin.Discontinued);
        Assert.Equal((C(35), C(21), C(14)), (origin.Enrolled, origin.Ended, origin.Ongoing));
    }

    [Fact]
    public void Percentages_and_means_on_hidden_counts_are_cleared_and_things_that_are_not_people_stay()
    {
        var report = SmallNumberProtection.Protect(Insats());

        // Evaluations: ratings 0, 0, 1, 1, 5, 4 of 11: three small cells, the mean over 11 stays.
        var evaluation = report.GroupWork.Evaluations.Single();
        Assert.Equal([C(0), C(0), Small, Small, C(5), Small], evaluation.Distribution.Select(t => t.Count));
        Assert.Equal(5.1m, evaluation.Mean);

        // Groups and träffar are not people.
        Assert.Equal((C(3), C(2), C(1), C(24)), (report.GroupWork.Groups, report.GroupWork.GroupsCompleted, report.GroupWork.GroupsCancelled, report.GroupWork.TraffarHeld));

        // Self-assessment: 2 improved in one area is hidden; the area's means over 12 stay.
        var economy = report.SelfAssessment.Instruments.Single().Areas[1];
        Assert.Equal(new SelfAssessmentArea("Ekonomi", C(12), 3.2m, 3.6m, Small), economy);

        // Results: 3 to studies hidden; the share to work or studies (13 of 21) stays with its target.
        Assert.Equal(Small, report.Results.ToStudies);
        Assert.Equal((Percent.Of(13, 21), true), (report.Results.WorkOrStudiesPercent, report.Results.MeetsTarget));
    }

    [Fact]
    public void A_goal_counted_in_people_is_hidden_below_five_with_whether_it_was_met()
    {
        var exact = Insats();
        exact = exact with { Goals = new GoalsSection([new GoalRow("enrolment", "Antal inskrivna", "people", 6, 3, false)]) };

        var goal = SmallNumberProtection.Protect(exact).Goals.Goals.Single();

        Assert.Equal(new GoalRow("enrolment", "Antal inskrivna", "people", 6, null, null), goal);
    }

    [Fact]
    public void A_small_insats_in_the_forbund_table_cascades_through_rows_and_columns_until_nothing_can_be_recomputed()
    {
        // Enrolments per insats (active = ended + at the end): 30 = 18 + 12, 8 = 3 + 5, 3 = 3 + 0, 0; the förbund 41 = 24 + 17.
        var rows = SmallNumberProtection.Protect(Forbund()).PerInsats!;

        // The second insat's 3 ended costs its 5 at the end; that column's only hidden cell then costs the 12, which
        // costs the first insats' 18 ended; the active column's lone 3 costs the 8.
        Assert.Equal([C(30), Secondary, Small, C(0)], rows.Select(r => r.Active.Enrolments));
        Assert.Equal([Secondary, Small, Small, C(0)], rows.Select(r => r.Ended.Enrolments));
        Assert.Equal([Secondary, Secondary, C(0), C(0)], rows.Select(r => r.ActiveAtPeriodEnd.Enrolments));
        Assert.Equal([C(17), Small, Small, C(0)], rows.Select(r => r.Started.Enrolments));

        // Participants by gender: 3 women and 5 men of 8.
        Assert.Equal(new GenderCounts(Small, Secondary, C(0), C(8)), rows[1].ParticipantsByGender);
        Assert.Equal(new GenderCounts(C(38), C(22), C(0), C(60)), rows[3].ParticipantsByGender);
    }

    [Fact]
    public void The_gender_split_hides_small_shares_and_a_column_cannot_be_completed_from_its_denominator()
    {
        var split = SmallNumberProtection.Protect(Forbund()).GenderSplit!;
        var education = split.Tables.Single(t => t.Code == "utbildning");

        // Women 6, 6, 0 of 12: nothing small. Men 3, 2, 4 of 9: all small.
        Assert.Equal([C(6), C(6), C(0)], education.Rows.Select(r => r.Women));
        Assert.Equal([Small, Small, Small], education.Rows.Select(r => r.Men));
        Assert.All(education.Rows, r => Assert.Null(r.MenPercent));
        Assert.Equal(50.0m, education.Rows[0].WomenPercent);
    }

    [Fact]
    public void The_exact_report_is_left_as_it_was_and_the_copy_says_it_is_protected()
    {
        var exact = Insats();
        var protectedReport = SmallNumberProtection.Protect(exact);

        Assert.False(exact.Scope.Protected);
        Assert.True(protectedReport.Scope.Protected);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(Insats()), System.Text.Json.JsonSerializer.Serialize(exact));
    }
}
