namespace Finsam.Participants.Application;

/// <summary>
/// Dates of the domain (start, end, consent) are Swedish calendar days, not UTC's. Looked up once; a host
/// without tzdata falls back to Swedish standard time (UTC+1), an hour off in summer at most.
/// </summary>
public static class SwedishCalendar
{
    private static readonly TimeZoneInfo Sweden =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Stockholm", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("Sweden-standard", TimeSpan.FromHours(1), "Sweden (standard time)", "CET");

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The Swedish calendar day an instant (UTC) falls on.</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Sweden));
}
