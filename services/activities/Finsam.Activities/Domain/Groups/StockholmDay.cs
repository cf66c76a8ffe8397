namespace Finsam.Activities.Domain.Groups;

/// <summary>
/// The Swedish calendar day of an instant: träffar are dated in Europe/Stockholm, and "cancelled after the träff"
/// or "a träff dated after today" compare days there, not in UTC. A host without tzdata falls back to Swedish
/// standard time (UTC+1), an hour off in summer at most. Kept beside the bookings until the groups' shared
/// Application/StockholmClock is merged; the two say the same.
/// </summary>
public static class StockholmDay
{
    private static readonly TimeZoneInfo Sweden =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Stockholm", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("Sweden-standard", TimeSpan.FromHours(1), "Sweden (standard time)", "CET");

    public static DateOnly Of(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Sweden));
}
