using Finsam.Reporting.Domain.Reports.Sections;
using static Finsam.UnitTests.Reporting.Reports.ReportRows;

namespace Finsam.UnitTests.Reporting.Reports;

public sealed class PerInsatsTests
{
    // ips in 2025: e1 p1 (from 2024, ends Mar), e2 p1 again, e3 p2 man, e4 anonymous woman, e5 p3 registered a woman
    // and corrected to a man; e6 an ending whose start never arrived. move: p9, not registered, whose two stays
    // carried different genders (the later one counts). ghost: a stay in an insats the catalogue doesn't know.
    private static ReportHistory History() => new ReportHistory()
        .Insats("ips", name: "IPS-teamet", places: 12)
        .Insats("halsa", name: "Hälsoskolan", kind: "count-only", places: 0)
        .Insats("arena", name: "Arena", kind: "structural", places: 0)
        .Insats("move", name: "Move On", kind: "group-course", places: 8)
        .Person("p1", "woman").Person("p2", "man").Person("p3", "woman")
        .Enrol("e1", "p1", "2024-10-01").End("e1", "2025-03-01")
        .Enrol("e2", "p1", "2025-05-01")
        .Enrol("e3", "p2", "2025-02-01", gender: "man").End("e3", "2025-06-30")
        .EnrolAnonymous("e4", "2025-03-01", gender: "woman")
        .Enrol("e5", "p3", "2025-08-01")
        .End("e6", "2025-04-01", insats: "ips")
        .Enrol("e7", "p4", "2025-01-01", insats: "ghost", gender: "other")
        .Enrol("e8", "p9", "2025-01-01", insats: "move", gender: "woman").End("e8", "2025-02-01")
        .Enrol("e9", "p9", "2025-03-01", insats: "move", gender: "man")
        .CorrectPerson("p3", "man");

    [Fact]
    public void One_row_per_insats_in_the_catalogue_or_seen_in_stays_ordered_by_name()
    {
        var rows = PerInsatsCalculator.Compute(History().ForForbund(2025))!;

        Assert.Equal(["arena", "halsa", "ips", "move", "ghost"], rows.Select(r => r.InsatsId));
        Assert.Equal(["Arena", "Hälsoskolan", "IPS-teamet", "Move On", "Okänd insats"], rows.Select(r => r.Name));
        Assert.Equal(["structural", "count-only", "individual", "group-course", "unknown"], rows.Select(r => r.Kind));
        Assert.Equal([false, true, true, true, true], rows.Select(r => r.Individual));
        Assert.Equal([0, 0, 12, 8, null], rows.Select(r => r.BudgetedPlaces));
    }

    [Fact]
    public void An_insats_row_counts_its_flows_and_its_participants_by_gender_as_it_now_stands()
    {
        var ips = PerInsatsCalculator.Compute(History().ForForbund(2025))!.Single(r => r.InsatsId == "ips");

        Assert.Equal((5, 4), Flow(ips.Active));
        Assert.Equal((4, 4), Flow(ips.Started));
        Assert.Equal((2, 2), Flow(ips.Ended));
        Assert.Equal((3, 3), Flow(ips.ActiveAtPeriodEnd));
        Assert.Equal((2, 2, 0, 4), Split(ips.ParticipantsByGender)); // p1, anonymous woman; p2, p3 (corrected)
    }

    [Fact]
    public void A_person_back_twice_is_one_participant_with_the_gender_of_the_later_stay_when_not_registered()
    {
        var move = PerInsatsCalculator.Compute(History().ForForbund(2025))!.Single(r => r.InsatsId == "move");

        Assert.Equal((2, 1), Flow(move.Active));
        Assert.Equal((0, 1, 0, 1), Split(move.ParticipantsByGender));
    }

    [Fact]
    public void Count_only_and_unknown_insatser_get_rows_of_their_own()
    {
        var rows = PerInsatsCalculator.Compute(History().ForForbund(2025))!;

        var halsa = rows.Single(r => r.InsatsId == "halsa");
        Assert.Equal((0, 0), Flow(halsa.Active));
        Assert.Equal((0, 0, 0, 0), Split(halsa.ParticipantsByGender));

        var ghost = rows.Single(r => r.InsatsId == "ghost");
        Assert.Equal((1, 1), Flow(ghost.Active));
        Assert.Equal((0, 0, 1, 1), Split(ghost.ParticipantsByGender));
    }

    [Fact]
    public void An_insats_renamed_in_the_catalogue_shows_its_new_name()
    {
        var history = History().ChangeInsats("ips", "IPS Supported Employment", places: 15);

        var ips = PerInsatsCalculator.Compute(history.ForForbund(2025))!.Single(r => r.InsatsId == "ips");

        Assert.Equal(("IPS Supported Employment", 15), (ips.Name, ips.BudgetedPlaces));
    }

    [Fact]
    public void The_summary_is_the_forbunds_alone()
    {
        Assert.Null(PerInsatsCalculator.Compute(History().ForInsats("ips", 2025)));
    }

    [Fact]
    public void An_empty_period_keeps_every_insats_at_zero()
    {
        var rows = PerInsatsCalculator.Compute(History().ForForbund(2020))!;

        Assert.Equal(5, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal((0, 0), Flow(row.Active));
            Assert.Equal((0, 0, 0, 0), Split(row.ParticipantsByGender));
        });
    }

    [Fact]
    public void A_count_only_insats_row_shows_the_counts_it_registered_for_the_period_and_no_flows()
    {
        var history = History()
            .RegisterCounts("r1", "halsa", "2025-02-01", "2025-02-28", women: 7, men: 3)
            .RegisterCounts("r2", "halsa", "2025-11-01", "2025-11-30", women: 2, men: 4, other: 1)
            .RegisterCounts("r3", "halsa", "2024-12-01", "2024-12-31", women: 50, men: 50);

        var halsa = PerInsatsCalculator.Compute(history.ForForbund(2025))!.Single(r => r.InsatsId == "halsa");

        Assert.Equal((9, 7, 1, 17), Split(halsa.ParticipantsByGender));
        Assert.Equal((0, 0), Flow(halsa.Active));
    }
}
