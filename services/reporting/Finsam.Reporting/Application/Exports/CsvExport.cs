using System.IO.Compression;
using System.Text;
using Finsam.Reporting.Domain.Reports;

namespace Finsam.Reporting.Application.Exports;

/// <summary>A file of an export: its name and its bytes.</summary>
public sealed record ExportFile(string FileName, byte[] Content);

/// <summary>
/// The report as CSV for Swedish Excel, one file per table of <see cref="ReportTables"/>: semicolon between fields
/// (Swedish Excel's list separator, since the comma is the decimal sign), decimal comma, UTF-8 with a byte order mark
/// (without it Excel reads åäö as Windows-1252), CRLF line ends, quotes per RFC 4180 around a field holding ; " or a
/// line break, "&lt;5" and ".." for hidden figures, dates yyyy-MM-dd. Each table's notes follow its rows after an
/// empty line, so the file tells what the table itself says in the HTML report.
/// </summary>
public static class CsvExport
{
    public const char Separator = ';';

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static IReadOnlyList<ExportFile> Files(AnnualReport report) =>
        [.. ReportTables.For(report).Select((table, index) => new ExportFile($"{index + 1:00}-{table.Id}.csv", Bytes(table)))];

    /// <summary>All the files in one zip, for one download.</summary>
    public static byte[] Zip(AnnualReport report)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Files(report))
            {
                var entry = zip.CreateEntry(file.FileName, CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(file.Content);
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Bytes(ReportTable table)
    {
        var text = new StringBuilder();
        Line(text, table.Columns.Select(Text));
        foreach (var row in table.Rows)
        {
            Line(text, row.Select(Field));
        }

        if (table.Notes.Count > 0)
        {
            text.Append("\r\n");
            foreach (var note in table.Notes)
            {
                Line(text, [Text(note)]);
            }
        }

        var preamble = Utf8WithBom.GetPreamble();
        var body = Utf8WithBom.GetBytes(text.ToString());
        return [.. preamble, .. body];
    }

    private static void Line(StringBuilder text, IEnumerable<string> fields) =>
        text.Append(string.Join(Separator, fields)).Append("\r\n");

    /// <summary>Counts, numbers and dates are ours and never start with a formula sign, except a negative number.</summary>
    private static string Field(ReportCell cell) => cell switch
    {
        TextCell t => Text(t.Text),
        _ => Quote(CellText.Format(cell)),
    };

    /// <summary>
    /// Text, which may come from users (insats names): a leading = + - @ (or a tab or carriage return, which Excel skips
    /// before reading one) would make Excel or LibreOffice run it as a formula, so it gets a leading apostrophe.
    /// </summary>
    private static string Text(string text) => Quote(text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text);

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
