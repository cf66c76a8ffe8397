using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// Which stays a section counts and the per-stay facts several sections share. The period tests are those of
/// <see cref="StayCounts"/>, so a section's "ended" is always the flow figure's "avslutade".
/// </summary>
internal static class SectionStays
{
    /// <summary>Aktuella: start ≤ to and (no end or end ≥ from).</summary>
    public static bool IsActiveIn(this Stay stay, ReportPeriod period) =>
        stay.StartDate is { } start && start <= period.To && (stay.EndDate is not { } end || end >= period.From);

    /// <summary>Nya: start date in the period.</summary>
    public static bool StartedIn(this Stay stay, ReportPeriod period) =>
        stay.StartDate is { } start && start >= period.From && start <= period.To;

    /// <summary>Avslutade: end date in the period (a parked stay, whose start hasn't arrived, never counts).</summary>
    public static bool EndedIn(this Stay stay, ReportPeriod period) =>
        !stay.IsParked && stay.EndDate is { } end && end >= period.From && end <= period.To;

    /// <summary>Still enrolled on the period's last day: an end ON that day is an ending, not "pågående".</summary>
    public static bool IsActiveAtEndOf(this Stay stay, ReportPeriod period) =>
        stay.StartDate is { } start && start <= period.To && (stay.EndDate is not { } end || end > period.To);

    /// <summary>The scope's counted stays active in the period, anonymous ones included.</summary>
    public static IReadOnlyList<Stay> Active(ReportInput input) => input.ActiveStays;

    /// <summary>The scope's counted stays ended in the period, anonymous ones included.</summary>
    public static IReadOnlyList<Stay> Ended(ReportInput input) => input.EndedStays;

    /// <summary>The ended of the period that individual-level statistics are about: anonymous stays left out.</summary>
    public static IReadOnlyList<Stay> EndedInStatistics(ReportInput input) => input.EndedInStatistics;

    /// <summary>
    /// The gender as it now stands: the person's corrected gender when reporting knows the person, else the one the
    /// stay's start carried (always so for anonymous stays, which name no person).
    /// </summary>
    public static string GenderOf(ReportInput input, Stay stay) =>
        (stay.Anonymous ? null : input.Model.Persons.GenderOf(stay.ParticipantId)) ?? stay.Gender ?? ParticipantGenders.Other;

    /// <summary>
    /// Each person's latest-starting stay (a tie: the greatest enrolment id), by <see cref="PersonKey"/>, in one pass:
    /// what grouping by person and sorting each group gave, without a group and a sort per person.
    /// </summary>
    public static Dictionary<string, Stay> LatestStayByPerson(IEnumerable<Stay> stays)
    {
        var latest = new Dictionary<string, Stay>(StringComparer.Ordinal);
        foreach (var stay in stays)
        {
            var key = PersonKey(stay);
            if (!latest.TryGetValue(key, out var held) || StartsLater(stay, held))
            {
                latest[key] = stay;
            }
        }

        return latest;
    }

    /// <summary>True when <paramref name="stay"/> starts after <paramref name="other"/>, or on the same day with a greater id.</summary>
    public static bool StartsLater(Stay stay, Stay other)
    {
        var byStart = Nullable.Compare(stay.StartDate, other.StartDate);
        return byStart > 0 || (byStart == 0 && string.CompareOrdinal(stay.EnrolmentId, other.EnrolmentId) > 0);
    }

    /// <summary>Who a stay is about, for unique persons: an anonymous stay can't be matched to any other, so it is its own person.</summary>
    public static string PersonKey(Stay stay) => stay.Anonymous ? "\u2400anonymous:" + stay.EnrolmentId : stay.ParticipantId!;

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
