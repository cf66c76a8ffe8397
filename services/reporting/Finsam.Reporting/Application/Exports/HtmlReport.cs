using System.Text;
using Finsam.Reporting.Domain.Reports;

namespace Finsam.Reporting.Application.Exports;

/// <summary>
/// The report as one self-contained HTML document, ready to paste into the verksamhetsberättelse: lang="sv", UTF-8,
/// inline CSS, charts as inline SVG, no scripts and nothing fetched from elsewhere. Its tables are those of
/// <see cref="ReportTables"/>, so it shows exactly what the CSV files do. Every text is HTML-encoded; insats names come
/// from users.
/// </summary>
public static class HtmlReport
{
    /// <summary>Section headings and the table ids (by prefix) they hold, in the order of a real verksamhetsberättelse.</summary>
    private static readonly (string Heading, string[] Prefixes)[] Sections =
    [
        ("Om rapporten", ["rapport"]),
        ("Deltagarflöden", ["floden", "anonyma"]),
        ("Resultat", ["resultat"]),
        ("De avslutades profil", ["profil"]),
        ("Varifrån deltagarna kom", ["ursprung"]),
        ("Övergångar: före och efter insatsen", ["overgang"]),
        ("Handlingsplaner och mål", ["planer", "mal"]),
        ("Självskattning", ["sjalvskattning"]),
        ("Gruppverksamhet", ["gruppverksamhet"]),
        ("Deltagarenkät", ["enkat"]),
        ("Insatser", ["per-insats"]),
        ("Könsuppdelad statistik", ["kon"]),
    ];

    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; }
        h2 { font-size: 1.3rem; border-bottom: 2px solid #1f5f8b; padding-bottom: .2rem; margin-top: 2.2rem; }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
        table { border-collapse: collapse; margin: .3rem 0; font-size: .92rem; }
        th, td { border: 1px solid #c9d3dc; padding: .25rem .55rem; vertical-align: top; }
        th { background: #eef3f7; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.hidden { text-align: right; color: #6b6b6b; }
        p.note, figcaption { font-size: .85rem; color: #444; margin: .2rem 0; }
        p.lead { color: #333; }
        figure { margin: 1rem 0; }
        figure svg { width: 100%; max-width: 40rem; height: auto; display: block; }
        """;

    public static string Render(AnnualReport report)
    {
        var tables = ReportTables.For(report);
        var charts = ReportCharts.For(report);
        var html = new StringBuilder();
        var title = Title(report.Scope);
        html.Append("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Encode(title)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(HtmlText.Encode(title)).Append("</h1>\n")
            .Append("<p class=\"lead\">").Append(HtmlText.Encode(Lead(report.Scope))).Append("</p>\n");

        var used = new HashSet<string>();
        foreach (var (heading, prefixes) in Sections)
        {
            var inSection = tables.Where(t => !used.Contains(t.Id) && prefixes.Any(p => t.Id == p || t.Id.StartsWith(p + "-", StringComparison.Ordinal))).ToList();
            if (inSection.Count == 0)
            {
                continue;
            }

            html.Append("<section>\n<h2>").Append(HtmlText.Encode(heading)).Append("</h2>\n");
            foreach (var table in inSection)
            {
                used.Add(table.Id);
                Table(html, table);
                foreach (var chart in charts.Where(c => c.Section == table.Id))
                {
                    Chart(html, chart);
                }
            }

            html.Append("</section>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static byte[] Bytes(AnnualReport report) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(report));

    private static string Title(ReportScope s)
    {
        var who = s.InsatsName ?? "hela förbundet";
        return s.IsCalendarYear
            ? $"Verksamhetsberättelse {s.From.Year}: {who}"
            : $"Rapport {CellText.Format(ReportCell.Of(s.From))} – {CellText.Format(ReportCell.Of(s.To))}: {who}";
    }

    private static string Lead(ReportScope s)
    {
        var period = $"Perioden {CellText.Format(ReportCell.Of(s.From))} – {CellText.Format(ReportCell.Of(s.To))}.";
        return s.Protected
            ? $"{period} Publik version: antal 1–4 visas som \"{CellText.SmallMark}\" och tal som skulle kunna avslöja dem som \"{CellText.SecondaryMark}\"."
            : $"{period} Intern version med exakta tal: får inte publiceras.";
    }

    private static void Table(StringBuilder html, ReportTable table)
    {
        html.Append("<h3 id=\"").Append(HtmlText.Encode(table.Id)).Append("\">").Append(HtmlText.Encode(table.Title)).Append("</h3>\n");
        if (table.Rows.Count == 0)
        {
            html.Append("<p class=\"note\">Inga uppgifter för perioden.</p>\n");
        }
        else
        {
            html.Append("<table>\n<thead><tr>");
            foreach (var column in table.Columns)
            {
                html.Append("<th scope=\"col\">").Append(HtmlText.Encode(column)).Append("</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in table.Rows)
            {
                html.Append("<tr>");
                foreach (var cell in row)
                {
                    Cell(html, cell);
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        foreach (var note in table.Notes)
        {
            html.Append("<p class=\"note\">").Append(HtmlText.Encode(note)).Append("</p>\n");
        }
    }

    private static void Cell(StringBuilder html, ReportCell cell)
    {
        var (css, title) = cell switch
        {
            CountCell { Count.Suppression: Suppression.Small } => ("hidden", "Färre än 5: visas inte"),
            CountCell { Count.Suppression: Suppression.Secondary } => ("hidden", "Dolt så att ett litet tal inte kan räknas fram"),
            CountCell or NumberCell => ("num", null),
            _ => (null, null),
        };
        html.Append("<td");
        if (css is not null)
        {
            html.Append(" class=\"").Append(css).Append('"');
        }

        if (title is not null)
        {
            html.Append(" title=\"").Append(HtmlText.Encode(title)).Append('"');
        }

        html.Append('>').Append(HtmlText.Encode(CellText.Format(cell))).Append("</td>");
    }

    private static void Chart(StringBuilder html, ReportChart chart)
    {
        html.Append("<figure>\n").Append(chart.Svg).Append("\n<figcaption>").Append(HtmlText.Encode(chart.Title));
        if (chart.LeftOut.Count > 0)
        {
            html.Append(". Dolda värden visas inte i diagrammet: ").Append(HtmlText.Encode(string.Join(", ", chart.LeftOut)));
        }

        html.Append(".</figcaption>\n</figure>\n");
    }
}
