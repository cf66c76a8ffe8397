using System.Globalization;

namespace Finsam.Reporting.Application.ExportLog;

/// <summary>
/// Export ids that sort newest first as plain text: the export time counted down (<c>long.MaxValue - ticks</c>, 19
/// digits), then a random part so two exports in the same tick stay apart. The log pages in id order with no index.
/// </summary>
public static class ExportIds
{
    public static string New(DateTime exportTime) =>
        (long.MaxValue - exportTime.Ticks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
}
