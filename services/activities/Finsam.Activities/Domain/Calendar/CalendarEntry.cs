namespace Finsam.Activities.Domain.Calendar;

/// <summary>
/// One träff as the calendar feed shows it.
/// <para>
/// <see cref="Start"/> is Stockholm wall-clock time with <see cref="DateTimeKind.Unspecified"/>: a träff is
/// planned as "Tuesday 13:00", and the feed writes it with TZID=Europe/Stockholm so phones keep it at 13:00
/// across daylight-saving changes. <see cref="Uid"/> must stay the same for the same träff on every render
/// (e.g. "{träffId}@finsam"), otherwise subscribers see a moved träff as a new one; <see cref="Sequence"/>
/// goes up each time the träff is moved or changed.
/// </para>
/// </summary>
public sealed record CalendarEntry(
    string Uid,
    DateTime Start,
    TimeSpan Duration,
    string Summary,
    string? Location = null,
    bool IsDigital = false,
    Uri? MeetingUrl = null,
    bool IsCancelled = false,
    int Sequence = 0)
{
    public DateTime End => Start + Duration;
}
