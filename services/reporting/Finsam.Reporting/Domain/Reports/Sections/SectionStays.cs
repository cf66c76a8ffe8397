using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// Per-stay facts several sections share. Which stays a section counts (active, started, ended in the period) and a
/// stay's person and gender are the <see cref="StayTable"/>'s: its period tests are the ones <see cref="PeriodCounts"/> states,
/// so a section's "ended" is always the flow figure's "avslutade".
/// </summary>
internal static class SectionStays
{
    /// <summary>Days from the start to the end date (a stay that starts and ends on one day: 0). An end before the start, awaiting a correction, counts as 0.</summary>
    public static int DaysIn(Stay stay) => Math.Max(0, stay.EndDate!.Value.DayNumber - stay.StartDate!.Value.DayNumber);

    /// <summary>
    /// Whole months from the start to the end date: the largest m with start + m months ≤ end, where adding months
    /// keeps the day or falls back to the month's last day (31 Jan + 1 month = 28 Feb, so 31 Jan–28 Feb is one month).
    /// </summary>
    public static int MonthsIn(Stay stay)
    {
        var start = stay.StartDate!.Value;
        var end = stay.EndDate!.Value;
        if (end <= start)
        {
            return 0;
        }

        var months = ((end.Year - start.Year) * 12) + end.Month - start.Month;
        while (months > 0 && start.AddMonths(months) > end)
        {
            months--;
        }

        return months;
    }

    /// <summary>"avslutade under året" for a calendar year, "avslutade under perioden" for any other range.</summary>
    public static string During(ReportPeriod period, string what) => $"{what} under {(IsCalendarYear(period) ? "året" : "perioden")}";

    public static bool IsCalendarYear(ReportPeriod period) =>
        period.From.Year == period.To.Year && period.From is { Month: 1, Day: 1 } && period.To is { Month: 12, Day: 31 };
}
