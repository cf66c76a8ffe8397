namespace Finsam.Activities.Domain.Calendar;

/// <summary>
/// Träffar are planned in Swedish wall-clock time ("Tuesday 13:00"), and "today" for a leader is the Swedish
/// calendar day, not UTC's: between midnight and 01:00 / 02:00 Swedish time UTC is still on the day before.
/// The zone is looked up once; a host without tzdata falls back to Swedish standard time (UTC+1), an hour off
/// in summer at most.
/// </summary>
public static class StockholmClock
{
    public const string TimeZoneId = "Europe/Stockholm";

    private static readonly TimeZoneInfo Stockholm =
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("Sweden-standard", TimeSpan.FromHours(1), "Sweden (standard time)", "CET");

    /// <summary>Today's date in Stockholm by the injected clock.</summary>
    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The Stockholm calendar day an instant (UTC) falls on.</summary>
    public static DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Stockholm));

    /// <summary>
    /// A local date and time in Stockholm as wall-clock time (<see cref="DateTimeKind.Unspecified"/>): what the
    /// calendar feed writes with TZID=Europe/Stockholm, so a träff stays at 13:00 across daylight-saving changes.
    /// </summary>
    public static DateTime WallClock(DateOnly date, TimeOnly time) => date.ToDateTime(time, DateTimeKind.Unspecified);
}
