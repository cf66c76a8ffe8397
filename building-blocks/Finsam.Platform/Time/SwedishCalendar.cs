namespace Finsam.Platform.Time;

/// <summary>
/// Dates of the domain (a start, an end, a consent, a träff) are Swedish calendar days, not UTC's: between midnight
/// and 01:00 / 02:00 Swedish time UTC is still on the day before. Looked up once; a host without tzdata falls back
/// to Swedish standard time (UTC+1), an hour off in summer at most.
/// </summary>
public static class SwedishCalendar
{
    public const string TimeZoneId = "Europe/Stockholm";

    private static readonly TimeZoneInfo Sweden =
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("Sweden-standard", TimeSpan.FromHours(1), "Sweden (standard time)", "CET");

    /// <summary>Today's date in Sweden by the injected clock.</summary>
    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The Swedish calendar day an instant (UTC) falls on.</summary>
    public static DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Sweden));
}
