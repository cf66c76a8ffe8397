using Finsam.Reporting.Domain.Reports;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Finsam.Reporting.Application.Exports;

/// <summary>A chart of the HTML report: its SVG and the figures it leaves out because they are hidden.</summary>
/// <param name="Section">The <see cref="ReportTable.Id"/> of the table it illustrates.</param>
/// <param name="LeftOut">Labels of bars not drawn because their figure is suppressed.</param>
public sealed record ReportChart(string Section, string Title, string Svg, IReadOnlyList<string> LeftOut);

/// <summary>
/// The charts of the HTML report as SVG, drawn by ScottPlot (no display needed). A suppressed figure is never
/// plotted: a bar's height would give away what "&lt;5" hides. Its label stays on the axis and the chart lists it.
/// </summary>
public static class ReportCharts
{
    public const int Width = 640;
    public const int Height = 360;

    private static readonly Color Current = Color.FromHex("#1f5f8b");
    private static readonly Color Previous = Color.FromHex("#9cb9cf");

    public static IReadOnlyList<ReportChart> For(AnnualReport report)
    {
        var year = report.Scope.IsCalendarYear;
        var charts = new List<ReportChart> { Flows(report.Flows, year) };
        if (report.Profile.Gender.Rows.Count > 0)
        {
            charts.Add(Single("profil-kon", "Avslutade efter kön", [.. report.Profile.Gender.Rows.Select(t => (t.Label, t.Count))]));
        }

        var r = report.Results;
        charts.Add(Single("resultat", "Resultat bland avslutade",
            [("Till arbete", r.ToWork.Total), ("Till studier", r.ToStudies), ("Till aktivt arbetssökande", r.ToActiveJobSeeking)]));
        if (report.Origin.ReferralsByAgency.Rows.Count > 0)
        {
            charts.Add(Single("ursprung-remittent", "Inskrivna efter remitterande aktör", [.. report.Origin.ReferralsByAgency.Rows.Select(t => (t.Label, t.Count))]));
        }

        return charts;
    }

    /// <summary>This period's flows beside the previous period's, per enrolment.</summary>
    private static ReportChart Flows(FlowSection flows, bool year)
    {
        (string Label, Func<FlowCounts, FlowCount> Pick)[] measures =
        [
            ("Aktuella", f => f.Active), ("Nya", f => f.Started), ("Avslutade", f => f.Ended), (year ? "Vid årets slut" : "Vid periodens slut", f => f.ActiveAtPeriodEnd),
        ];
        var (nowName, beforeName) = year
            ? (flows.Current.From.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), flows.Previous.From.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : ("Perioden", "Föregående period");

        var bars = new List<Bar>();
        var leftOut = new List<string>();
        for (var i = 0; i < measures.Length; i++)
        {
            AddBar(bars, leftOut, i * 3 + 1, measures[i].Pick(flows.Current).Enrolments, Current, $"{measures[i].Label} {nowName}");
            AddBar(bars, leftOut, i * 3, measures[i].Pick(flows.Previous).Enrolments, Previous, $"{measures[i].Label} {beforeName}");
        }

        var plot = NewPlot("Inskrivningar");
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. measures.Select((_, i) => i * 3 + 0.5)], [.. measures.Select(m => m.Label)]);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = beforeName, FillColor = Previous });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = nowName, FillColor = Current });
        plot.ShowLegend(Alignment.UpperRight);
        return Finish(plot, bars, "floden", "Flöden: aktuella, nya, avslutade", leftOut);
    }

    private static ReportChart Single(string section, string title, IReadOnlyList<(string Label, Count Count)> values)
    {
        var bars = new List<Bar>();
        var leftOut = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            AddBar(bars, leftOut, i, values[i].Count, Current, values[i].Label);
        }

        var plot = NewPlot("Antal");
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. values.Select((_, i) => (double)i)], [.. values.Select(v => SvgSafe(v.Label))]);
        return Finish(plot, bars, section, title, leftOut);
    }

    private static void AddBar(List<Bar> bars, List<string> leftOut, double position, Count count, Color color, string label)
    {
        if (count.IsSuppressed || count.Value is not { } value)
        {
            leftOut.Add($"{label} ({CellText.Format(count)})");
            return;
        }

        bars.Add(new Bar { Position = position, Value = value, FillColor = color, Label = value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private static Plot NewPlot(string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.YLabel(yLabel);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Margins(bottom: 0);
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return plot;
    }

    /// <summary>SVG without the XML declaration (it goes inside HTML), scaling with the page, named for screen readers.</summary>
    private static ReportChart Finish(Plot plot, IReadOnlyList<Bar> bars, string section, string title, IReadOnlyList<string> leftOut)
    {
        // Bars start at 0, with room above the tallest for its value label.
        plot.Axes.AutoScaleX();
        plot.Axes.SetLimitsY(0, Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => b.Value)) * 1.15);
        var svg = plot.GetSvgXml(Width, Height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = svg[start..];
        svg = $"<svg role=\"img\" aria-label=\"{HtmlText.Encode(title)}\" viewBox=\"0 0 {Width} {Height}\"" + svg["<svg".Length..];
        return new ReportChart(section, title, OwnIds(svg, section), leftOut);
    }

    /// <summary>
    /// The SVG writer numbers clip paths with a process-wide counter: renamed per chart, ids are unique within the HTML
    /// document (the charts share one id space there) and the same report always gives the same bytes.
    /// </summary>
    private static string OwnIds(string svg, string section)
    {
        var ids = Regex.Matches(svg, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            var own = $"{section}-{i + 1}";
            svg = svg.Replace($"id=\"{ids[i]}\"", $"id=\"{own}\"", StringComparison.Ordinal)
                .Replace($"url(#{ids[i]})", $"url(#{own})", StringComparison.Ordinal)
                .Replace($"href=\"#{ids[i]}\"", $"href=\"#{own}\"", StringComparison.Ordinal);
        }

        return svg;
    }

    /// <summary>
    /// A label drawn into the SVG as text: labels can hold codes that came in with events, so the characters that are
    /// markup are replaced (the SVG writer is not trusted to escape them).
    /// </summary>
    private static string SvgSafe(string label) =>
        label.Replace('<', '‹').Replace('>', '›').Replace("&", "och", StringComparison.Ordinal).Replace('"', '\'');
}
