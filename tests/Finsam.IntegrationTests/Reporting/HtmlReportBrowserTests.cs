using Finsam.Reporting.Application.Exports;
using Finsam.Reporting.Domain.Reports.Protection;
using Finsam.Testing;
using Finsam.UnitTests.Reporting.Outputs;
using Microsoft.Playwright;

namespace Finsam.IntegrationTests.Reporting;

/// <summary>
/// The HTML report opened in Debian's headless Chromium (driven by Playwright, never a downloaded browser): it must
/// render its tables and charts, log no console or page error, and fetch nothing from anywhere.
/// </summary>
public sealed class HtmlReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    [Fact]
    public async Task The_html_report_renders_its_tables_and_charts_in_headless_chromium_without_errors()
    {
        var ci = Environment.GetEnvironmentVariable("CI") is { Length: > 0 } flag && !flag.Equals("false", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(Chromium))
        {
            Assert.False(ci, $"CI is set but {Chromium} is missing: test.sh installs it (ensure_chromium in scripts/lib.sh).");
            Assert.Skip($"{Chromium} is not installed (./test.sh installs Debian's chromium); CI is not set, so the browser test is skipped.");
        }

        // A protected förbund report (suppression marks, charts leaving bars out) with a hostile insats name.
        var report = SmallNumberProtection.Protect(SampleReports.Forbund(secondInsatsName: "<script>alert('x')</script> & <img src=x onerror=alert(1)>"));
        var expectedTables = ReportTables.For(report).Count(t => t.Rows.Count > 0);
        using var folder = new TempDirectory("finsam-html-report");
        var file = Path.Combine(folder.Path, "verksamhetsberattelse.html");
        await File.WriteAllBytesAsync(file, HtmlReport.Bytes(report), TestContext.Current.CancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(
            Path.Combine(folder.Path, "profile"),
            new BrowserTypeLaunchPersistentContextOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();

        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.Dialog += (_, dialog) => problems.Add($"dialog: {dialog.Message}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file://", StringComparison.Ordinal))
            {
                problems.Add($"fetched from elsewhere: {request.Url}");
            }
        };

        var response = await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.True(response.Ok);

        Assert.Equal("sv", await page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Equal("UTF-8", await page.EvaluateAsync<string>("document.characterSet"));
        Assert.Equal("Verksamhetsberättelse 2025: hela förbundet", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(0, await page.Locator("script, img, iframe").CountAsync());

        // Every table of the table view is in the rendered DOM, with rows, and visible.
        var tables = page.Locator("table");
        Assert.Equal(expectedTables, await tables.CountAsync());
        for (var i = 0; i < expectedTables; i++)
        {
            Assert.True(await tables.Nth(i).Locator("tbody tr").CountAsync() > 0);
            var box = await tables.Nth(i).BoundingBoxAsync();
            Assert.True(box is { Width: > 0, Height: > 0 }, $"table {i} is not laid out");
        }

        Assert.Contains("<5", await page.Locator("td.hidden").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script>", await page.Locator("#per-insats + table").InnerTextAsync(), StringComparison.Ordinal);

        // The four charts are SVG that the browser parsed and laid out, with their bars and Swedish labels.
        var charts = page.Locator("figure > svg");
        Assert.Equal(4, await charts.CountAsync());
        for (var i = 0; i < 4; i++)
        {
            var box = await charts.Nth(i).BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 50 }, $"chart {i} is not laid out");
            Assert.True(await charts.Nth(i).Locator("path").CountAsync() > 0);
        }

        Assert.Contains("Avslutade", (await charts.First.Locator("text").AllTextContentsAsync()).Select(t => t.Trim()));
        Assert.Contains("Dolda värden visas inte i diagrammet", await page.Locator("figcaption").First.InnerTextAsync(), StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable("FINSAM_REPORT_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        }

        Assert.Empty(problems);
    }
}
