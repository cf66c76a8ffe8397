using System.Globalization;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Reporting.Application.Access;
using Finsam.Reporting.Application.ExportLog;
using Finsam.Reporting.Application.Exports;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Exports;
using Finsam.Reporting.Domain.Reports.Protection;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Application.Reports;

public enum ExportFormatKind
{
    Csv,
    Html,
}

/// <summary>A file to hand to the caller.</summary>
public sealed record ExportedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Every export of reporting: the report as CSV or HTML, the anonymised participant rows, the Uppföljning Finsam
/// counts. Each is written to the export log before it is returned, so a file never leaves without a line.
/// </summary>
public sealed class ReportExports(AnnualReports reports, IReportingModelReader reader, IExportLog log, TimeProvider clock)
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string ZipContentType = "application/zip";
    public const string HtmlContentType = "text/html; charset=utf-8";

    public async Task<ExportedFile> ExportReportAsync(Caller caller, ReportQuery query, ExportFormatKind? format, string? tableId, CancellationToken cancellationToken)
    {
        var (report, view, period) = await reports.GetAsync(caller, query, cancellationToken);
        if (format is null)
        {
            throw new ValidationFailedException([new FieldViolation("format", "Ange format: EXPORT_FORMAT_CSV eller EXPORT_FORMAT_HTML.")]);
        }

        var baseName = FileBaseName("verksamhetsberattelse", query.Scope, period);
        var tables = ReportTables.For(report);
        ExportedFile file;
        int items;
        string what;
        if (format == ExportFormatKind.Html)
        {
            if (!string.IsNullOrEmpty(tableId))
            {
                throw new ValidationFailedException([new FieldViolation("table", "En enskild tabell finns bara som CSV.")]);
            }

            file = new ExportedFile($"{baseName}.html", HtmlContentType, HtmlReport.Bytes(report));
            items = tables.Count;
            what = "annual-report.html";
        }
        else if (string.IsNullOrEmpty(tableId))
        {
            file = new ExportedFile($"{baseName}.zip", ZipContentType, CsvExport.Zip(report));
            items = tables.Count;
            what = "annual-report.csv";
        }
        else
        {
            var table = tables.FirstOrDefault(t => string.Equals(t.Id, tableId, StringComparison.Ordinal))
                ?? throw new ValidationFailedException([new FieldViolation("table",
                    $"Tabellen finns inte. Tabellerna heter: {string.Join(", ", tables.Select(t => t.Id))}.")]);
            file = new ExportedFile($"{baseName}-{table.Id}.csv", CsvContentType, CsvExport.Bytes(table));
            items = 1;
            what = "annual-report.csv";
        }

        await LogAsync(caller, what, query.Scope, period, view, items, cancellationToken);
        return file;
    }

    /// <summary>The anonymised participant rows (docs/reporting-exports.md): förbundschef only, exact by nature.</summary>
    public async Task<ExportedFile> ParticipantRowsAsync(Caller caller, ReportQuery query, CancellationToken cancellationToken)
    {
        ReportingAccess.RequireRowsExporter(caller);
        var period = AnnualReports.ParsePeriod(query);

        // The same checks as a report: an unknown insats or a period without data is refused, not an empty file.
        await reports.CheckAsync(query.Scope, period, cancellationToken);
        var rows = await reader.ReadAsync(
            (model, _) => ParticipantRows.For(model.Stays.Stays, query.Scope, period, model.Persons.GenderOf),
            cancellationToken);

        var table = new ReportTable(
            "deltagarrader",
            "Anonymiserade deltagarrader",
            ParticipantRows.Columns,
            [.. rows.Select(row => (IReadOnlyList<ReportCell>)[.. row.Select(ReportCell.Of)])],
            []);
        await LogAsync(caller, "participant-rows.csv", query.Scope, period, ReportViewKind.Exact, rows.Count, cancellationToken);
        return new ExportedFile($"{FileBaseName("deltagarrader", query.Scope, period)}.csv", CsvContentType, CsvExport.Bytes(table));
    }

    /// <summary>Uppföljning Finsam's counts: the förbund report's per-insats rows, in the caller's view.</summary>
    public async Task<(UppfoljningFinsamCounts Counts, ReportViewKind View)> UppfoljningFinsamAsync(Caller caller, ReportQuery query, CancellationToken cancellationToken)
    {
        var forbund = query with { InsatsId = null };
        var (report, view, period) = await reports.GetAsync(caller, forbund, cancellationToken);
        var counts = UppfoljningFinsamCounts.Of(report);
        await LogAsync(caller, "uppfoljning-finsam", null, period, view, counts.Insatser.Count, cancellationToken);
        return (counts, view);
    }

    private Task LogAsync(Caller caller, string what, string? insatsId, ReportPeriod period, ReportViewKind view, int items, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return log.AppendAsync(
            new ExportLogEntry(ExportIds.New(now), now, caller.Subject, caller.Role, what, insatsId, period.From, period.To,
                view == ReportViewKind.Exact ? "exact" : "protected", items),
            cancellationToken);
    }

    /// <summary>"verksamhetsberattelse-forbund-2025" or "…-{insats}-2020-10-01--2023-08-31": ASCII, safe in any download.</summary>
    private static string FileBaseName(string kind, string? insatsId, ReportPeriod period)
    {
        var scope = insatsId is null ? "forbund" : new string([.. insatsId.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')]);
        var when = period.IsCalendarYear
            ? period.From.Year.ToString(CultureInfo.InvariantCulture)
            : $"{period.From:yyyy-MM-dd}--{period.To:yyyy-MM-dd}";
        return $"{kind}-{scope}-{when}";
    }
}
