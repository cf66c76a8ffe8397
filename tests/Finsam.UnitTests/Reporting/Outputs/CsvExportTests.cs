using System.IO.Compression;
using System.Text;
using Finsam.Reporting.Application.Exports;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Protection;
using static Finsam.UnitTests.Reporting.Outputs.SampleReports;

namespace Finsam.UnitTests.Reporting.Outputs;

/// <summary>The CSV bytes are read back as Swedish Excel would: BOM, semicolons, CRLF, RFC 4180 quotes.</summary>
public sealed class CsvExportTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static ExportFile File(AnnualReport report, string id) => CsvExport.Files(report).Single(f => f.FileName.EndsWith($"-{id}.csv", StringComparison.Ordinal));

    /// <summary>An RFC 4180 reader: fields split on ; outside quotes, "" inside quotes is one ", records end at CRLF.</summary>
    private static List<List<string>> Parse(byte[] bytes)
    {
        Assert.Equal(Bom, bytes[..3]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", text.Replace("\"\n", "", StringComparison.Ordinal)); // every line end outside a field is CRLF

        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ';') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && text[i + 1] == '\n') { record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; i++; }
            else { field.Append(c); }
        }

        Assert.False(quoted);
        return records;
    }

    [Fact]
    public void One_file_per_table_with_bom_semicolons_and_crlf()
    {
        var report = Insats();
        var files = CsvExport.Files(report);

        Assert.Equal(ReportTables.For(report).Count, files.Count);
        Assert.Equal("01-rapport.csv", files[0].FileName);
        Assert.Equal("02-floden.csv", files[1].FileName);
        var flows = Parse(File(report, "floden").Content);
        Assert.Equal(["Mått", "Inskrivningar", "Personer", "Inskrivningar föregående år", "Personer föregående år"], flows[0]);
        Assert.Equal(["Aktuella (inskrivna någon gång under året)", "41", "39", "20", "20"], flows[1]);
        Assert.Equal([""], flows[5]); // an empty line, then the notes
        Assert.Contains(["Budgeterade platser: 25."], flows.Skip(6).ToList());
    }

    [Fact]
    public void Decimals_have_a_comma_dates_are_iso_and_hidden_cells_show_their_marks()
    {
        // Without anonymous endings: in the plain sample the 21 ended are hidden (anonymous split and links), and the
        // share and the summaries over them with it, leaving no decimals to look at.
        var report = SmallNumberProtection.Protect(InsatsWithoutAnonymousEndings());

        var results = Parse(File(report, "resultat").Content);
        Assert.Equal(["Till arbete eller studier", "13", "61,9"], results[8]);
        Assert.Equal(["Till arbete, kvinnor", "<5", ""], results[3]);
        Assert.Equal(["Till arbete, män", "..", ""], results[4]);

        var summary = Parse(File(report, "profil-tal").Content);
        Assert.Equal(["År i offentlig försörjning före start", "18", "1", "8", "4,2"], summary[1]);
        Assert.Equal(["Dagar i insatsen", "21", "20", "430", "198,3"], summary[3]);

        var scope = Parse(File(report, "rapport").Content);
        Assert.Equal(["Från", "2025-01-01"], scope[3]);
        Assert.Equal(["Till", "2025-12-31"], scope[4]);
    }

    [Fact]
    public void Fields_holding_a_semicolon_a_quote_or_a_line_break_are_quoted_and_read_back_whole()
    {
        var name = "Steget; \"vidare\"\r\noch mer";
        var bytes = File(Forbund(secondInsatsName: name), "per-insats").Content;
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Contains("\"Steget; \"\"vidare\"\"\r\noch mer\"", text, StringComparison.Ordinal);
        var rows = Parse(bytes);
        Assert.Equal(name, rows[4][0]);
        Assert.Equal(12, rows[4].Count);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\";\"klicka\")", "'=HYPERLINK(\"http://x\";\"klicka\")")]
    [InlineData("+46 stöd", "'+46 stöd")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Vanligt namn", "Vanligt namn")]
    public void A_user_supplied_text_that_starts_like_a_formula_gets_a_leading_apostrophe(string name, string expected)
    {
        var rows = Parse(File(Insats(name), "rapport").Content);

        Assert.Equal(["Insats", expected], rows[1]);
    }

    [Fact]
    public void The_zip_holds_every_file_byte_for_byte()
    {
        var report = Forbund();
        var files = CsvExport.Files(report);

        using var zip = new ZipArchive(new MemoryStream(CsvExport.Zip(report)), ZipArchiveMode.Read);

        Assert.Equal(files.Select(f => f.FileName), zip.Entries.Select(e => e.FullName));
        foreach (var file in files)
        {
            using var stream = zip.GetEntry(file.FileName)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.Equal(file.Content, copy.ToArray());
        }
    }
}
