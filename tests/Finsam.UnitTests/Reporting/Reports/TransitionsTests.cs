using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Sections;
using static Finsam.UnitTests.Reporting.Reports.ReportRows;

namespace Finsam.UnitTests.Reporting.Reports;

public sealed class TransitionsTests
{
    // Ended in 2025 (not anonymous):
    //   e1 p1 woman: [försörjningsstöd, sjukpenning], arbetslös → ej subventionerat arbete, [lön]
    //   e2 p2 man:   [försörjningsstöd], no sysselsättning at start → praktik, [aktivitetsstöd]
    //   e3 p3 woman: [a-kassa] corrected to [sjukpenning], sjukskriven → ej subventionerat arbete, [lön]
    //   e4 p4 registered a woman, corrected to a man: [försörjningsstöd], arbetslös → ej subventionerat arbete, [lön]
    // Not counted: e5 anonymous, e6 ended in 2024, e7 an ending whose start never arrived.
    private static ReportHistory History() => new ReportHistory()
        .Insats("ips")
        .Person("p4", "woman")
        .Enrol("e1", "p1", "2025-01-01", forsorjning: ["forsorjningsstod", "sjukpenning"], sysselsattning: "arbetslos")
        .End("e1", "2025-05-01", sysselsattning: "ej-subventionerat-arbete", forsorjning: ["lon"])
        .Enrol("e2", "p2", "2024-10-01", gender: "man", forsorjning: ["forsorjningsstod"], sysselsattning: null)
        .End("e2", "2025-03-01", sysselsattning: "praktik-arbetstraning", forsorjning: ["aktivitetsstod"])
        .Enrol("e3", "p3", "2025-02-01", forsorjning: ["a-kassa"], sysselsattning: "sjukskriven")
        .End("e3", "2025-09-01", sysselsattning: "ej-subventionerat-arbete", forsorjning: ["lon"])
        .Enrol("e4", "p4", "2025-02-01", forsorjning: ["forsorjningsstod"], sysselsattning: "arbetslos")
        .End("e4", "2025-10-01", sysselsattning: "ej-subventionerat-arbete", forsorjning: ["lon"])
        .EnrolAnonymous("e5", "2025-01-01").End("e5", "2025-06-01", sysselsattning: "ej-subventionerat-arbete")
        .Enrol("e6", "p1", "2024-01-01", sysselsattning: "arbetslos").End("e6", "2024-06-01", sysselsattning: "studier")
        .End("e7", "2025-04-01", sysselsattning: "studier", insats: "ips")
        .CorrectStart("e3", forsorjning: ["sjukpenning"])
        .CorrectPerson("p4", "man");

    private static IReadOnlyList<(string From, string To, (int?, int?, int?, int?) People)> Rows(TransitionTable table) =>
        table.Rows.Select(r => (r.FromCode, r.ToCode, Split(r.People))).ToList();

    [Fact]
    public void Forsorjning_at_start_to_sysselsattning_at_end_puts_a_stay_in_a_row_per_kind_of_forsorjning()
    {
        var table = TransitionsCalculator.Compute(History().ForInsats("ips", 2025)).ForsorjningToSysselsattning;

        Assert.Equal(
            [
                ("forsorjningsstod", "ej-subventionerat-arbete", (1, 1, 0, 2)),
                ("forsorjningsstod", "praktik-arbetstraning", (0, 1, 0, 1)),
                ("sjukpenning", "ej-subventionerat-arbete", (2, 0, 0, 2)),
            ],
            Rows(table));
        Assert.Equal(("Försörjningsstöd", "Ej subventionerat arbete"), (table.Rows[0].FromLabel, table.Rows[0].ToLabel));
        Assert.Equal(4, table.Denominator.Value);
        Assert.Equal("avslutade under året", table.DenominatorLabel);
        Assert.True(table.MultiValued);
        Assert.Equal("Försörjning vid start → sysselsättning vid avslut", table.Title);
    }

    [Fact]
    public void Forsorjning_at_start_to_forsorjning_at_end()
    {
        var table = TransitionsCalculator.Compute(History().ForInsats("ips", 2025)).ForsorjningToForsorjning;

        Assert.Equal(
            [
                ("forsorjningsstod", "aktivitetsstod", (0, 1, 0, 1)),
                ("forsorjningsstod", "lon", (1, 1, 0, 2)),
                ("sjukpenning", "lon", (2, 0, 0, 2)),
            ],
            Rows(table));
        Assert.True(table.MultiValued);
    }

    [Fact]
    public void Sysselsattning_at_start_to_end_with_a_missing_start_as_unknown_last()
    {
        var table = TransitionsCalculator.Compute(History().ForInsats("ips", 2025)).SysselsattningToSysselsattning;

        Assert.Equal(
            [
                ("arbetslos", "ej-subventionerat-arbete", (1, 1, 0, 2)),
                ("sjukskriven", "ej-subventionerat-arbete", (1, 0, 0, 1)),
                ("okand", "praktik-arbetstraning", (0, 1, 0, 1)),
            ],
            Rows(table));
        Assert.Equal("Okänd", table.Rows[2].FromLabel);
        Assert.False(table.MultiValued);
    }

    [Fact]
    public void A_period_that_is_not_a_year_names_its_denominator_so()
    {
        var table = TransitionsCalculator.Compute(History().ForInsats("ips", "2025-01-01", "2025-06-30")).ForsorjningToSysselsattning;

        Assert.Equal(2, table.Denominator.Value); // e1, e2
        Assert.Equal("avslutade under perioden", table.DenominatorLabel);
    }

    [Fact]
    public void An_empty_period_has_no_rows_and_a_zero_denominator()
    {
        var section = TransitionsCalculator.Compute(History().ForInsats("ips", 2020));

        foreach (var table in new[] { section.ForsorjningToSysselsattning, section.ForsorjningToForsorjning, section.SysselsattningToSysselsattning })
        {
            Assert.Empty(table.Rows);
            Assert.Equal(0, table.Denominator.Value);
        }
    }
}
