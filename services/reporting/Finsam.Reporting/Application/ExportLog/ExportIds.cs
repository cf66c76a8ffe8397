using System.Globalization;

namespace Finsam.Reporting.Application.ExportLog;

/// <summary>
/// Export ids that sort newest first as plain text: the export time counted down (<c>long.MaxValue - ticks</c>, 19
/// digits), then a random part so two exports in the same tick stay apart. The log pages in id order with no index.
/// </summary>
public static class ExportIds
{
    /// <summary>True for text <see cref="New"/> could have made: what a page token must look like.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: 52 } && value[19] == '-' && value[..19].All(char.IsAsciiDigit) && value[20..].All(char.IsAsciiHexDigitLower);

    public static string New(DateTime exportTime) =>
        (long.MaxValue - exportTime.Ticks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
}
