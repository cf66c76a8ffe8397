using Finsam.Reporting.Domain.Reports.Sections;
using static Finsam.UnitTests.Reporting.Reports.ReportRows;

namespace Finsam.UnitTests.Reporting.Reports;

public sealed class ResultsTests
{
    // Ended in 2025 (not anonymous): e1 woman → work; e2 man (known only from the stay) → subsidised work;
    // e3 registered a woman, corrected to a man afterwards → work; e4 → studies; e5 → active job seeking;
    // e6 ended "studier", corrected to "arbetslos". Not counted: e7 anonymous, e8 ended in 2024, e9 still running,
    // e10 an ending whose start never arrived.
    private static ReportHistory History(int? target) => new ReportHistory()
        .Insats("ips", workOrStudiesTarget: target)
        .Person("p1", "woman").Person("p3", "woman").Person("p4", "man").Person("p5", "woman").Person("p6", "man")
        .Enrol("e1", "p1", "2024-09-01").End("e1", "2025-02-01", sysselsattning: "ej-subventionerat-arbete")
        .Enrol("e2", "p2", "2025-01-10", gender: "man").End("e2", "2025-04-01", sysselsattning: "subventionerat-arbete")
        .Enrol("e3", "p3", "2025-01-10").End("e3", "2025-05-01", sysselsattning: "ej-subventionerat-arbete")
        .Enrol("e4", "p4", "2025-01-10", gender: "man").End("e4", "2025-06-01", sysselsattning: "studier")
        .Enrol("e5", "p5", "2025-01-10").End("e5", "2025-07-01", sysselsattning: "aktivt-arbetssokande")
        .Enrol("e6", "p6", "2025-01-10", gender: "man").End("e6", "2025-08-01", sysselsattning: "studier")
        .EnrolAnonymous("e7", "2025-01-10").End("e7", "2025-03-01", sysselsattning: "ej-subventionerat-arbete")
        .Enrol("e8", "p1", "2024-01-10").End("e8", "2024-06-01", sysselsattning: "ej-subventionerat-arbete")
        .Enrol("e9", "p7", "2025-02-01")
        .End("e10", "2025-04-01", sysselsattning: "ej-subventionerat-arbete", insats: "ips") // parked: its start never arrived
        .CorrectEnd("e6", "2025-08-01", sysselsattning: "arbetslos")
        .CorrectPerson("p3", "man");

    [Fact]
    public void Results_count_the_ended_by_their_sysselsattning_at_the_end_as_it_now_stands()
    {
        var results = ResultsCalculator.Compute(History(target: 40).ForInsats("ips", 2025));

        Assert.Equal(6, results.Ended.Value);
        Assert.Equal((1, 2, 0, 3), Split(results.ToWork));
        Assert.Equal(1, results.ToStudies.Value);
        Assert.Equal(1, results.ToActiveJobSeeking.Value);
        Assert.Equal(4, results.ToWorkOrStudies.Value);
        Assert.Equal(66.7m, results.WorkOrStudiesPercent);
        Assert.Equal(40, results.TargetPercent);
        Assert.True(results.MeetsTarget);
    }

    [Fact]
    public void A_share_below_the_target_does_not_meet_it_and_one_equal_to_it_does()
    {
        Assert.False(ResultsCalculator.Compute(History(target: 70).ForInsats("ips", 2025)).MeetsTarget);

        var equal = new ReportHistory()
            .Insats("ips", workOrStudiesTarget: 50)
            .Enrol("e1", "p1", "2025-01-01").End("e1", "2025-02-01", sysselsattning: "studier")
            .Enrol("e2", "p2", "2025-01-01").End("e2", "2025-02-01", sysselsattning: "arbetslos");
        Assert.True(ResultsCalculator.Compute(equal.ForInsats("ips", 2025)).MeetsTarget);
    }

    [Fact]
    public void Without_a_target_or_at_forbund_level_nothing_is_judged()
    {
        var none = ResultsCalculator.Compute(History(target: null).ForInsats("ips", 2025));
        Assert.Null(none.TargetPercent);
        Assert.Null(none.MeetsTarget);
        Assert.Equal(66.7m, none.WorkOrStudiesPercent);

        var forbund = ResultsCalculator.Compute(History(target: 40).ForForbund(2025));
        Assert.Null(forbund.TargetPercent);
        Assert.Null(forbund.MeetsTarget);
        Assert.Equal(6, forbund.Ended.Value);
    }

    [Fact]
    public void An_ending_corrected_into_the_next_year_leaves_this_years_results()
    {
        var history = new ReportHistory()
            .Insats("ips", workOrStudiesTarget: 40)
            .Enrol("e1", "p1", "2025-03-01").End("e1", "2025-12-20", sysselsattning: "ej-subventionerat-arbete")
            .CorrectEnd("e1", "2026-01-10", sysselsattning: "ej-subventionerat-arbete");

        Assert.Equal(0, ResultsCalculator.Compute(history.ForInsats("ips", 2025)).Ended.Value);
        Assert.Equal((1, 0, 0, 1), Split(ResultsCalculator.Compute(history.ForInsats("ips", 2026)).ToWork));
    }

    [Fact]
    public void An_empty_period_has_no_share_and_judges_nothing()
    {
        var results = ResultsCalculator.Compute(History(target: 40).ForInsats("ips", 2020));

        Assert.Equal(0, results.Ended.Value);
        Assert.Equal((0, 0, 0, 0), Split(results.ToWork));
        Assert.Null(results.WorkOrStudiesPercent);
        Assert.Equal(40, results.TargetPercent);
        Assert.Null(results.MeetsTarget);
    }
}
