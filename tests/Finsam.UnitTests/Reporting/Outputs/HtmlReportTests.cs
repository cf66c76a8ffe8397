using System.Text.RegularExpressions;
using Finsam.Reporting.Application.Exports;
using Finsam.Reporting.Domain.Reports.Protection;
using static Finsam.UnitTests.Reporting.Outputs.SampleReports;

namespace Finsam.UnitTests.Reporting.Outputs;

public sealed class HtmlReportTests
{
    [Fact]
    public void The_document_is_swedish_utf8_and_self_contained()
    {
        var html = HtmlReport.Render(Forbund());

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<(link|img|iframe|object|embed)\\b", html);
        Assert.DoesNotMatch("\\b(src|href)\\s*=\\s*\"(?!#)", html); // only in-document references (SVG clip paths)
        Assert.DoesNotContain("url(http", html, StringComparison.Ordinal);
        // The only addresses are XML namespace names, which are never fetched.
        Assert.All(Regex.Matches(html, "https?://[^\"]+").Select(m => m.Value), a => Assert.Contains(a, new[] { "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink" }));
        Assert.Equal(HtmlReport.Render(Forbund()), html); // the same report gives the same bytes
    }

    [Fact]
    public void It_has_swedish_headings_the_tables_of_the_table_view_and_four_charts()
    {
        var report = Forbund();
        var html = HtmlReport.Render(report);

        foreach (var heading in new[] { "Deltagarflöden", "Resultat", "De avslutades profil", "Varifrån deltagarna kom", "Könsuppdelad statistik" })
        {
            Assert.Contains($"<h2>{heading}</h2>", html, StringComparison.Ordinal);
        }

        var tables = ReportTables.For(report);
        Assert.Equal(tables.Count(t => t.Rows.Count > 0), Regex.Matches(html, "<table>").Count);
        foreach (var table in tables)
        {
            Assert.Contains($"<h3 id=\"{table.Id}\">{HtmlText.Encode(table.Title)}</h3>", html, StringComparison.Ordinal);
        }

        Assert.Equal(4, Regex.Matches(html, "<svg ").Count);
        var ids = Regex.Matches(html, " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>Flöden: aktuella, nya, avslutade.</figcaption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_supplied_insats_name_is_encoded_everywhere()
    {
        var evil = "<script>alert('x')</script> & \"Co\"";
        var html = HtmlReport.Render(Forbund(secondInsatsName: evil));
        var single = HtmlReport.Render(Insats(evil));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", single, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<title>Verksamhetsberättelse 2025: &lt;script&gt;", single, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_leave_out_hidden_figures_and_say_so_including_those_hidden_by_the_links_and_sums()
    {
        var exact = ReportCharts.For(Insats());
        var shown = ReportCharts.For(SmallNumberProtection.Protect(Insats()));

        Assert.All(exact, c => Assert.Empty(c.LeftOut));
        Assert.Equal(["Avslutade 2024 (<5)", "Vid årets slut 2024 (..)"], shown.Single(c => c.Section == "floden").LeftOut);
        // To work goes with to studies (13 to work or studies − 10 to work would give the 3 away); the region goes with AF and
        // FK, whose ".." and "<5" would otherwise hold 35 − 22 − 7 = 6, pinning them to 5 and 1.
        Assert.Equal(["Till arbete (..)", "Till studier (<5)"], shown.Single(c => c.Section == "resultat").LeftOut);
        Assert.Equal(["Arbetsförmedlingen (<5)", "Försäkringskassan (..)", "Regionen (..)"], shown.Single(c => c.Section == "ursprung-remittent").LeftOut);

        // Fewer bars are drawn: one filled rectangle path fewer per hidden figure.
        Assert.Equal(Bars(exact.Single(c => c.Section == "floden").Svg) - 2, Bars(shown.Single(c => c.Section == "floden").Svg));

        var html = HtmlReport.Render(SmallNumberProtection.Protect(Insats()));
        Assert.Contains("Dolda värden visas inte i diagrammet: Avslutade 2024 (&lt;5), Vid årets slut 2024 (..).", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"hidden\" title=\"Färre än 5: visas inte\">&lt;5</td>", html, StringComparison.Ordinal);
    }

    /// <summary>Bars are drawn in the chart's bar colour.</summary>
    private static int Bars(string svg) => Regex.Matches(svg, "fill=\"#(1F5F8B|9CB9CF)\"", RegexOptions.IgnoreCase).Count;
}
