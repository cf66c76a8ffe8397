using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Protection;
using static Finsam.UnitTests.Reporting.Outputs.SampleReports;

namespace Finsam.UnitTests.Reporting.Outputs;

public sealed class SmallNumberProtectionTests
{
    private static readonly Count Small = new(null, Suppression.Small);
    private static readonly Count Secondary = new(null, Suppression.Secondary);

    [Fact]
    public void One_small_cell_in_a_gender_split_hides_the_smallest_other_non_zero_cell_too_and_to_work_or_studies_then_hides_the_total()
    {
        // To work: 4 women, 6 men, 0 other, 10 in all. 10 − 6 − 0 would give the 4 away, so the 6 men go too.
        // The total goes as well, by another rule: 13 to work or studies − 10 to work would give the 3 to studies away.
        var results = SmallNumberProtection.Protect(Insats()).Results;

        Assert.Equal(new GenderCounts(Small, Secondary, C(0), Secondary), results.ToWork);
        Assert.Equal((Small, C(13)), (results.ToStudies, results.ToWorkOrStudies));
    }

    [Fact]
    public void Two_small_cells_protect_each_other_and_need_no_secondary()
    {
        // Age bands 2, 8, 7, 4 of 21: two unknowns in one sum (6) can't be told apart. (The sample without anonymous
        // endings, so the 21 isn't hidden by the anonymous split and its links.)
        var ages = SmallNumberProtection.Protect(InsatsWithoutAnonymousEndings()).Profile.AgeBands;

        Assert.Equal([Small, C(8), C(7), Small], ages.Rows.Select(r => r.Count));
        Assert.Equal([null, Percent.Of(8, 21), Percent.Of(7, 21), null], ages.Rows.Select(r => r.Percent));
        Assert.Equal(C(21), ages.Denominator);
    }

    [Fact]
    public void Zero_stays_shown_and_is_never_picked_for_secondary_suppression()
    {
        // Without anonymous endings, so the share's denominator (the 21 ended) is shown.
        var report = SmallNumberProtection.Protect(InsatsWithoutAnonymousEndings());

        Assert.Equal(C(0), report.Results.ToWork.Other);
        Assert.Equal(C(0), report.Profile.YearsInSupportAboveThreshold);
        Assert.Equal(C(0), report.Profile.Gender.Rows.Single(r => r.Code == "other").Count);
        Assert.Equal(0m, report.Profile.Gender.Rows.Single(r => r.Code == "other").Percent);
    }

    [Fact]
    public void A_single_small_band_costs_its_smallest_neighbour_and_the_neighbours_share()
    {
        // Time in insats: 5, 7, 6, 3 of 21 (without anonymous endings, so the 21 is shown). The ".." and the "<5" hold
        // 8 between them: the 3 is 1–3, not pinned, so nothing more goes.
        var bands = SmallNumberProtection.Protect(InsatsWithoutAnonymousEndings()).Profile.TimeInInsatsBands;

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
    public void A_multi_valued_distribution_that_sums_past_its_denominator_has_no_additive_total_so_only_primary_suppression()
    {
        // End reasons 10, 3, 9 of 21: the rows sum to 22, more than the people, so nothing can be recomputed.
        var exact = InsatsWithoutAnonymousEndings();
        exact = exact with
        {
            Profile = exact.Profile with
            {
                EndReasons = Dist(21, "avslutade under året", multiValued: true, ("arbete", "Arbete", 10), ("studier", "Studier", 3), ("annat", "Annat", 9)),
            },
        };

        var reasons = SmallNumberProtection.Protect(exact).Profile.EndReasons;

        Assert.Equal([C(10), Small, C(9)], reasons.Rows.Select(r => r.Count));
        Assert.Equal(Percent.Of(10, 21), reasons.Rows[0].Percent);
    }

    [Fact]
    public void A_multi_valued_distribution_whose_rows_happen_to_add_up_is_protected_like_a_single_valued_one()
    {
        // End reasons 10, 3, 8 of 21: no one had two reasons, so 21 − 10 − 8 would give the 3 away; the 8 goes too.
        var reasons = SmallNumberProtection.Protect(InsatsWithoutAnonymousEndings()).Profile.EndReasons;

        Assert.Equal([C(10), Small, Secondary], reasons.Rows.Select(r => r.Count));
        Assert.Equal(Percent.Of(10, 21), reasons.Rows[0].Percent);
    }

    [Fact]
    public void Secondary_suppression_cascades_from_a_transition_table_into_a_rows_gender_split()
    {
        // Sysselsättning start → end, single-valued, 21 in all: rows 9 (3 w, 6 m), 3 (1 w, 2 m), 9 (6 w, 3 m). Without
        // anonymous endings, so the denominator (the 21 ended) is shown.
        var table = SmallNumberProtection.Protect(InsatsWithoutAnonymousEndings()).Transitions.SysselsattningToSysselsattning;

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
    public void Flows_hide_small_counts_and_the_active_figure_cannot_give_away_a_small_ended_nor_can_the_persons_beside_it()
    {
        // Previous year: 20 active = 3 ended + 17 active at its end. The 17 enrolments at the end go, and the 17 persons
        // with them (linked): 17 persons of 17 enrolments would tell the hidden figure.
        var flows = SmallNumberProtection.Protect(Insats()).Flows;

        Assert.Equal(new FlowCount(Small, Small), flows.Previous.Ended);
        Assert.Equal(new FlowCount(Secondary, Secondary), flows.Previous.ActiveAtPeriodEnd);
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
        // AF 3, kommun 20, FK 5, region 7 of 35: the ".." and the "<5" hold 8, so the 3 is 1–3, not pinned.
        var exact = InsatsWithoutAnonymousEndings();
        exact = exact with
        {
            Origin = exact.Origin with
            {
                ReferralsByAgency = Dist(35, "inskrivna under året", multiValued: false, ("af", "Arbetsförmedlingen", 3), ("kommun", "Kommunen", 20), ("fk", "Försäkringskassan", 5), ("region", "Regionen", 7)),
            },
        };

        var origin = SmallNumberProtection.Protect(exact).Origin;

        Assert.Equal([Small, C(20), Secondary, C(7)], origin.ReferralsByAgency.Rows.Select(r => r.Count));
        Assert.Equal(Small, origin.Discontinued);
        Assert.Equal((C(35), C(21), C(14)), (origin.Enrolled, origin.Ended, origin.Ongoing));
    }

    [Fact]
    public void One_small_agency_pinned_by_the_two_marks_costs_a_third_agency_and_the_hidden_ended_costs_the_ongoing()
    {
        // AF 1, kommun 22, FK 5, region 7 of 35: with FK ".." (at least 5) and AF "<5" (at least 1) holding
        // 35 − 22 − 7 = 6, AF is 1 and FK 5. So the region's 7 goes too.
        var origin = SmallNumberProtection.Protect(Insats()).Origin;

        Assert.Equal([Small, C(22), Secondary, Secondary], origin.ReferralsByAgency.Rows.Select(r => r.Count));

        // The 21 ended are the ended in the statistics, hidden through the anonymous split (24 = 3 + 21) and its links:
        // 35 = ended + 14 then costs the 14.
        Assert.Equal((C(35), Secondary, Secondary), (origin.Enrolled, origin.Ended, origin.Ongoing));
    }

    [Fact]
    public void Percentages_and_means_on_hidden_counts_are_cleared_and_things_that_are_not_people_stay()
    {
        // Without anonymous endings, so the 21 ended (and the share resting on it) is shown.
        var report = SmallNumberProtection.Protect(InsatsWithoutAnonymousEndings());

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

        // Participants by gender: 3 women and 5 men of 8. The 8 is the insats' active persons, linked to its hidden 8
        // active enrolments, so it goes too.
        Assert.Equal(new FlowCount(Secondary, Secondary), rows[1].Active);
        Assert.Equal(new GenderCounts(Small, Secondary, C(0), Secondary), rows[1].ParticipantsByGender);
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
