using Finsam.Reporting.Domain.Reports;

namespace Finsam.Reporting.Application.Exports;

/// <summary>
/// One table of the report as it is published: the same in the CSV files and the HTML report, so both always show the
/// same figures and the same suppression marks.
/// </summary>
/// <param name="Id">Stable, file-name safe (e.g. "floden"): the CSV file is named after it.</param>
/// <param name="Title">Swedish heading.</param>
/// <param name="Notes">Swedish sentences printed under the table (denominators, multi-valued sums, left-out enrolments).</param>
public sealed record ReportTable(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows, IReadOnlyList<string> Notes);

/// <summary>One cell: text, a count (with its suppression), a decimal figure, a date, or nothing.</summary>
public abstract record ReportCell
{
    public static ReportCell Empty { get; } = new EmptyCell();

    public static ReportCell Of(string text) => new TextCell(text);

    public static ReportCell Of(Count count) => new CountCell(count);

    public static ReportCell Of(int? value) => value is { } v ? new CountCell(Count.Of(v)) : Empty;

    /// <summary>A percentage, mean or range value; null (not measurable, or resting on a hidden count) is empty.</summary>
    public static ReportCell Of(decimal? value) => value is { } v ? new NumberCell(v) : Empty;

    public static ReportCell Of(DateOnly date) => new DateCell(date);

    public static ReportCell Of(bool? value) => value is { } b ? new TextCell(b ? "Ja" : "Nej") : Empty;
}

/// <summary>Text; user-supplied text (an insats name) is encoded or guarded by each output.</summary>
public sealed record TextCell(string Text) : ReportCell;

/// <summary>A count of people, enrolments or things; a suppressed one is shown as its mark ("&lt;5" or "..").</summary>
public sealed record CountCell(Count Count) : ReportCell;

public sealed record NumberCell(decimal Value) : ReportCell;

public sealed record DateCell(DateOnly Value) : ReportCell;

public sealed record EmptyCell : ReportCell;
