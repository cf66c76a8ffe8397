using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Sections;

namespace Finsam.UnitTests.Reporting.Reports;

public sealed class GenderSplitTests
{
    // Ended in 2025 in insatser for individuals (not anonymous):
    //   e1 p1 woman, ips,   20-24, grundskola, 1 year,  1 Jan–15 Feb 2025 (1 month),  [arbete-heltid, studier], ej subv. arbete, [fs, sjukpenning] → [lön]
    //   e2 p2 man,   ips,   35-39, gymnasium,  4 years, 1 Sep 2024–1 Jun 2025 (9),     [sjukdom], sjukskriven, [sjukpenning] → [sjukpenning]
    //   e3 p3 woman, move,  45-49, no level,  12 years, 1 Mar–10 Apr 2025 (1),         [studier], studier, [a-kassa] → [ingen ersättning]
    //   e4 p4 registered a woman, corrected to other, ips, 60-64, högskola, 7 years, 1 Jan–31 Dec 2025 (11), [övrigt], övrigt, [annat] → [annat]
    //   e5 p5 man,   ghost (not in the catalogue), 65+, annan, no years, 1 Jan 2023–1 Mar 2025 (26), [arbete-deltid], subv. arbete, [lön] → [lön]
    // Not counted among the ended: e6 anonymous, e7 in a structural insats, e8 (p1 again) still running,
    // e9 an ending whose start never arrived.
    private static ReportHistory History() => new ReportHistory()
        .Insats("ips", name: "IPS-teamet")
        .Insats("move", name: "Move On", kind: "group-course")
        .Insats("arena", name: "Arena", kind: "structural")
        .Insats("halsa", name: "Hälsoskolan", kind: "count-only")
        .Person("p1", "woman").Person("p2", "man").Person("p3", "woman").Person("p4", "woman").Person("p5", "man")
        .Enrol("e1", "p1", "2025-01-01", ageBand: "20-24", education: "grundskola", yearsInSupport: 1, forsorjning: ["forsorjningsstod", "sjukpenning"])
        .End("e1", "2025-02-15", reasons: ["arbete-heltid", "studier"], sysselsattning: "ej-subventionerat-arbete", forsorjning: ["lon"])
        .Enrol("e2", "p2", "2024-09-01", gender: "man", ageBand: "35-39", education: "gymnasium", yearsInSupport: 4, forsorjning: ["sjukpenning"])
        .End("e2", "2025-06-01", reasons: ["sjukdom"], sysselsattning: "sjukskriven", forsorjning: ["sjukpenning"])
        .Enrol("e3", "p3", "2025-03-01", insats: "move", ageBand: "45-49", education: null, yearsInSupport: 12, forsorjning: ["a-kassa"])
        .End("e3", "2025-04-10", reasons: ["studier"], sysselsattning: "studier", forsorjning: ["ingen-ersattning"])
        .Enrol("e4", "p4", "2025-01-01", ageBand: "60-64", education: "hogskola", yearsInSupport: 7, forsorjning: ["annat"])
        .End("e4", "2025-12-31", reasons: ["ovrigt"], sysselsattning: "ovrigt", forsorjning: ["annat"])
        .Enrol("e5", "p5", "2023-01-01", insats: "ghost", gender: "man", ageBand: "65+", education: "annan", yearsInSupport: null, forsorjning: ["lon"])
        .End("e5", "2025-03-01", reasons: ["arbete-deltid"], sysselsattning: "subventionerat-arbete", forsorjning: ["lon"])
        .EnrolAnonymous("e6", "2025-01-01").End("e6", "2025-02-01")
        .Enrol("e7", "p6", "2025-01-01", insats: "arena").End("e7", "2025-02-01")
        .Enrol("e8", "p1", "2025-06-01")
        .End("e9", "2025-05-01", insats: "ips")
        .CorrectPerson("p4", "other");

    private static GenderSplitSection Split(int year = 2025) => GenderSplitCalculator.Compute(History().ForForbund(year))!;

    private static GenderSplitTable Table(GenderSplitSection section, string code) => section.Tables.Single(t => t.Code == code);

    /// <summary>(code, women, men, % of women, % of men, total) per row.</summary>
    private static IReadOnlyList<(string, int?, int?, decimal?, decimal?, int?)> Rows(GenderSplitTable table) =>
        table.Rows.Select(r => (r.Code, r.Women.Value, r.Men.Value, r.WomenPercent, r.MenPercent, r.Total!.Value)).ToList();

    private static IReadOnlyList<(string, int?, int?, decimal?, decimal?, int?)> NonZero(GenderSplitTable table) =>
        Rows(table).Where(r => r.Item6 > 0).ToList();

    [Fact]
    public void The_section_is_over_everyone_not_anonymous_who_ended_an_insats_for_individuals()
    {
        var section = Split();

        Assert.Equal((2, 2, 5), (section.Women.Value, section.Men.Value, section.Total!.Value));
        Assert.Equal(
            ["alder", "utbildning", "ar-i-offentlig-forsorjning", "tid-i-insats", "avslutsorsaker", "sysselsattning-vid-avslut",
             "forsorjning-vid-start", "forsorjning-vid-avslut", "floden", "deltagare-per-insats"],
            section.Tables.Select(t => t.Code));
    }

    [Fact]
    public void Age_in_the_default_bands_as_shares_of_the_women_and_of_the_men_with_other_only_in_the_total()
    {
        var table = Table(Split(), "alder");

        Assert.Equal(
            [
                ("15-29", 1, 0, 50.0m, 0.0m, 1),
                ("30-44", 0, 1, 0.0m, 50.0m, 1),
                ("45-59", 1, 0, 50.0m, 0.0m, 1),
                ("60+", 0, 1, 0.0m, 50.0m, 2),
            ],
            Rows(table));
        Assert.Equal((2, 2, 5), (table.WomenDenominator.Value, table.MenDenominator.Value, table.TotalDenominator!.Value));
        Assert.False(table.MultiValued);
        Assert.Equal("Ålder", table.Title);
    }

    [Fact]
    public void Education_years_in_support_and_time_in_insats()
    {
        var section = Split();

        Assert.Equal(
            [
                ("grundskola", 1, 0, 50.0m, 0.0m, 1),
                ("gymnasium", 0, 1, 0.0m, 50.0m, 1),
                ("eftergymnasial-under-3-ar", 0, 0, 0.0m, 0.0m, 0),
                ("hogskola", 0, 0, 0.0m, 0.0m, 1),
                ("annan", 0, 1, 0.0m, 50.0m, 1),
                ("okand", 1, 0, 50.0m, 0.0m, 1),
            ],
            Rows(Table(section, "utbildning")));
        Assert.Equal(
            [
                ("0-2", 1, 0, 50.0m, 0.0m, 1),
                ("3-5", 0, 1, 0.0m, 50.0m, 1),
                ("6-9", 0, 0, 0.0m, 0.0m, 1),
                ("10+", 1, 0, 50.0m, 0.0m, 1),
                ("okand", 0, 1, 0.0m, 50.0m, 1),
            ],
            Rows(Table(section, "ar-i-offentlig-forsorjning")));
        Assert.Equal(
            [
                ("0-3", 2, 0, 100.0m, 0.0m, 2),
                ("7-9", 0, 1, 0.0m, 50.0m, 1),
                ("10-12", 0, 0, 0.0m, 0.0m, 1),
                ("25+", 0, 1, 0.0m, 50.0m, 1),
            ],
            NonZero(Table(section, "tid-i-insats")));
        Assert.Equal(8, Table(section, "tid-i-insats").Rows.Count);
    }

    [Fact]
    public void End_reasons_and_forsorjning_are_multi_valued()
    {
        var section = Split();

        var reasons = Table(section, "avslutsorsaker");
        Assert.True(reasons.MultiValued);
        Assert.Equal(
            [
                ("arbete-heltid", 1, 0, 50.0m, 0.0m, 1),
                ("arbete-deltid", 0, 1, 0.0m, 50.0m, 1),
                ("studier", 2, 0, 100.0m, 0.0m, 2),
                ("sjukdom", 0, 1, 0.0m, 50.0m, 1),
                ("ovrigt", 0, 0, 0.0m, 0.0m, 1),
            ],
            NonZero(reasons));
        Assert.Equal(
            [
                ("forsorjningsstod", 1, 0, 50.0m, 0.0m, 1),
                ("sjukpenning", 1, 1, 50.0m, 50.0m, 2),
                ("a-kassa", 1, 0, 50.0m, 0.0m, 1),
                ("lon", 0, 1, 0.0m, 50.0m, 1),
                ("annat", 0, 0, 0.0m, 0.0m, 1),
            ],
            NonZero(Table(section, "forsorjning-vid-start")));
        Assert.Equal(
            [
                ("sjukpenning", 0, 1, 0.0m, 50.0m, 1),
                ("lon", 1, 1, 50.0m, 50.0m, 2),
                ("ingen-ersattning", 1, 0, 50.0m, 0.0m, 1),
                ("annat", 0, 0, 0.0m, 0.0m, 1),
            ],
            NonZero(Table(section, "forsorjning-vid-avslut")));
        Assert.Equal(
            [
                ("ej-subventionerat-arbete", 1, 0, 50.0m, 0.0m, 1),
                ("subventionerat-arbete", 0, 1, 0.0m, 50.0m, 1),
                ("studier", 1, 0, 50.0m, 0.0m, 1),
                ("sjukskriven", 0, 1, 0.0m, 50.0m, 1),
                ("ovrigt", 0, 0, 0.0m, 0.0m, 1),
            ],
            NonZero(Table(section, "sysselsattning-vid-avslut")));
    }

    [Fact]
    public void Flows_are_over_the_stays_active_in_the_period()
    {
        var table = Table(Split(), "floden");

        // Active: e1, e3, e8 (women), e2, e5 (men), e4 (other). New: e1, e3, e4, e8. Ended: e1, e2, e3, e4, e5.
        Assert.Equal((3, 2, 6), (table.WomenDenominator.Value, table.MenDenominator.Value, table.TotalDenominator!.Value));
        Assert.Equal(
            [
                ("nya", 3, 0, 100.0m, 0.0m, 4),
                ("avslutade", 2, 2, 66.7m, 100.0m, 5),
            ],
            Rows(table));
        Assert.Equal(["Nya under året", "Avslutade under året"], table.Rows.Select(r => r.Label));
        Assert.True(table.MultiValued);
    }

    [Fact]
    public void Participants_per_insats_are_unique_persons_with_count_only_insatser_and_without_structural_ones()
    {
        var table = Table(Split(), "deltagare-per-insats");

        // Persons: p1 (two ips stays), p2, p4 in ips; p3 in move; p5 in ghost.
        Assert.Equal((2, 2, 5), (table.WomenDenominator.Value, table.MenDenominator.Value, table.TotalDenominator!.Value));
        Assert.Equal(
            [
                ("halsa", 0, 0, 0.0m, 0.0m, 0),
                ("ips", 1, 1, 50.0m, 50.0m, 3),
                ("move", 1, 0, 50.0m, 0.0m, 1),
                ("ghost", 0, 1, 0.0m, 50.0m, 1),
            ],
            Rows(table));
        Assert.Equal(["Hälsoskolan", "IPS-teamet", "Move On", "Okänd insats"], table.Rows.Select(r => r.Label));
    }

    [Fact]
    public void The_split_is_the_forbunds_alone()
    {
        Assert.Null(GenderSplitCalculator.Compute(History().ForInsats("ips", 2025)));
    }

    [Fact]
    public void An_empty_period_keeps_the_tables_with_no_shares()
    {
        var section = Split(2020);

        Assert.Equal((0, 0, 0), (section.Women.Value, section.Men.Value, section.Total!.Value));
        Assert.Equal(10, section.Tables.Count);
        Assert.All(section.Tables.SelectMany(t => t.Rows), row =>
        {
            Assert.Equal((0, 0, 0), (row.Women.Value, row.Men.Value, row.Total!.Value));
            Assert.Null(row.WomenPercent);
            Assert.Null(row.MenPercent);
        });
        Assert.Equal(4, Table(section, "alder").Rows.Count);
    }
}
