using System.Globalization;
using Finsam.Reporting.Domain.Reports;

namespace Finsam.Reporting.Application.Exports;

/// <summary>How a cell reads in Swedish: decimal comma, no thousands separator (Excel reads "1234,5"), ISO dates.</summary>
public static class CellText
{
    public const string SmallMark = "<5";
    public const string SecondaryMark = "..";

    private static readonly NumberFormatInfo Swedish = new() { NumberDecimalSeparator = ",", NegativeSign = "-", NumberGroupSeparator = "" };

    public static string Format(ReportCell cell) => cell switch
    {
        TextCell t => t.Text,
        CountCell c => Format(c.Count),
        NumberCell n => Number(n.Value),
        DateCell d => d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => "",
    };

    public static string Format(Count count) => count switch
    {
        { Suppression: Suppression.Small } => SmallMark,
        { Suppression: Suppression.Secondary } => SecondaryMark,
        { Value: { } v } => v.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

    public static string Number(decimal value) => value.ToString("0.##", Swedish);
}
