using System.Globalization;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Unlinked;

/// <summary>
/// Unlinked facts (survey answers, evaluation forms) know only their month ("yyyy-MM"), never the day. A month
/// belongs to a period when its first day falls in it: every month then belongs to exactly one of two adjacent
/// periods (a year and the one before, or a project's period cut mid-month), so no answer is counted twice or lost
/// between them. For calendar years and whole months that is simply "the month is in the period".
/// </summary>
public static class UnlinkedMonth
{
    public static bool FallsIn(string month, ReportPeriod period) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
        && first >= period.From && first <= period.To;
}
