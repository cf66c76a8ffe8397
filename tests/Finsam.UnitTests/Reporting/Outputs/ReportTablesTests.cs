using Finsam.Reporting.Application.Exports;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Protection;
using static Finsam.UnitTests.Reporting.Outputs.SampleReports;

namespace Finsam.UnitTests.Reporting.Outputs;

public sealed class ReportTablesTests
{
    private static IReadOnlyList<string> Texts(ReportTable table, int row) => [.. table.Rows[row].Select(CellText.Format)];

    [Fact]
    public void Flows_show_each_count_per_enrolment_and_person_beside_the_previous_years()
    {
        var flows = ReportTables.For(Insats()).Single(t => t.Id == "floden");

        Assert.Equal("Flöden: aktuella, nya, avslutade", flows.Title);
        Assert.Equal(["Mått", "Inskrivningar", "Personer", "Inskrivningar föregående år", "Personer föregående år"], flows.Columns);
        Assert.Equal(["Aktuella (inskrivna någon gång under året)", "41", "39", "20", "20"], Texts(flows, 0));
        Assert.Equal(["Avslutade under året", "24", "23", "3", "3"], Texts(flows, 2));
        Assert.Equal(["Aktuella vid årets slut", "17", "17", "17", "17"], Texts(flows, 3));
        Assert.Contains("Budgeterade platser: 25.", flows.Notes);
        Assert.Contains(flows.Notes, n => n.StartsWith("1 inskrivningar väntar", StringComparison.Ordinal));
    }

    [Fact]
    public void A_protected_report_shows_its_marks_and_not_the_parked_enrolments()
    {
        var tables = ReportTables.For(SmallNumberProtection.Protect(Insats()));
        var flows = tables.Single(t => t.Id == "floden");
        var results = tables.Single(t => t.Id == "resultat");

        Assert.Equal(["Avslutade under året", "24", "23", "<5", "<5"], Texts(flows, 2));
        // The previous year's 17 persons at the end go with the 17 enrolments beside them (20 − 17 would give the 3 away).
        Assert.Equal(["Aktuella vid årets slut", "17", "17", "..", ".."], Texts(flows, 3));
        Assert.DoesNotContain(flows.Notes, n => n.Contains("väntar", StringComparison.Ordinal));
        Assert.Equal(["Till arbete, kvinnor", "<5", ""], Texts(results, 2));
        Assert.Equal(["Till arbete, män", "..", ""], Texts(results, 3));

        // The share has no shown denominator: the 21 ended are hidden through the anonymous split (24 = 3 + 21) and its links.
        Assert.Equal(["Till arbete eller studier", "13", ""], Texts(results, 7));
        Assert.Contains(tables.Single(t => t.Id == "rapport").Notes, n => n.Contains("\"<5\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_section_has_its_swedish_table_and_multi_valued_ones_say_their_sums_exceed_the_people()
    {
        var tables = ReportTables.For(Forbund());

        Assert.Contains(tables, t => t.Title == "Resultat bland avslutade");
        Assert.Contains(tables, t => t.Title == "Försörjning vid start → sysselsättning vid avslut");
        Assert.Equal(tables.Count, tables.Select(t => t.Id).Distinct().Count());
        Assert.Contains(ReportTables.MultiValuedNote, tables.Single(t => t.Id == "profil-forsorjning").Notes);
        Assert.Contains(ReportTables.MultiValuedNote, tables.Single(t => t.Id == "profil-avslutsorsak").Notes);
        Assert.Contains(ReportTables.MultiValuedNote, tables.Single(t => t.Id == "kon-forsorjning-start").Notes);
        Assert.DoesNotContain(ReportTables.MultiValuedNote, tables.Single(t => t.Id == "profil-alder").Notes);
        Assert.Equal(
            ["rapport", "floden", "anonyma", "resultat", "profil-kon", "profil-alder", "profil-utbildning", "profil-forsorjning", "profil-tid",
             "profil-avslutsorsak", "profil-tal", "ursprung-remittent", "ursprung-status", "overgang-forsorjning-sysselsattning",
             "overgang-forsorjning-forsorjning", "overgang-sysselsattning-sysselsattning", "planer", "mal", "sjalvskattning", "sjalvskattning-1",
             "gruppverksamhet", "gruppverksamhet-utvardering", "enkat", "enkat-svar", "per-insats", "kon", "kon-alder", "kon-utbildning", "kon-forsorjning-start"],
            tables.Select(t => t.Id));
    }

    [Fact]
    public void Individual_level_tables_say_how_many_anonymous_enrolments_were_left_out()
    {
        var tables = ReportTables.For(Insats());
        const string note = "Anonyma inskrivningar ingår i totalerna men inte i den individuella statistiken: 6 av 41 aktuella och 3 av 24 avslutade är utelämnade.";

        Assert.Contains(note, tables.Single(t => t.Id == "profil-alder").Notes);
        Assert.Contains(note, tables.Single(t => t.Id == "resultat").Notes);
        Assert.DoesNotContain(note, tables.Single(t => t.Id == "floden").Notes);
    }

    [Fact]
    public void Distributions_end_with_their_named_denominator_and_transitions_name_theirs()
    {
        var tables = ReportTables.For(Insats());
        var ages = tables.Single(t => t.Id == "profil-alder");
        var transition = tables.Single(t => t.Id == "overgang-sysselsattning-sysselsattning");

        Assert.Equal(["30–44", "8", "38,1"], Texts(ages, 1));
        Assert.Equal(["Totalt (avslutade under året)", "21", ""], Texts(ages, ages.Rows.Count - 1));
        Assert.Equal(["Arbetslös", "Anställning", "3", "6", "0", "9", "42,9"], Texts(transition, 0));
        Assert.Contains("Nämnare: 21 avslutade under året.", transition.Notes);
    }

    [Fact]
    public void A_period_that_is_not_a_calendar_year_reads_perioden()
    {
        var report = Insats();
        report = report with { Scope = report.Scope with { From = new DateOnly(2020, 10, 1), To = new DateOnly(2023, 8, 31), IsCalendarYear = false } };

        var flows = ReportTables.For(report).Single(t => t.Id == "floden");

        Assert.Equal("Aktuella (inskrivna någon gång under perioden)", flows.Rows[0][0] is TextCell t ? t.Text : null);
        Assert.Equal("Inskrivningar föregående period", flows.Columns[3]);
        Assert.Equal(["Från", "2020-10-01"], Texts(ReportTables.For(report)[0], 2));
    }
}
