using Finsam.Activities.Domain.Calendar;
using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;

namespace Finsam.Activities.Application.Groups;

/// <summary>
/// A group's träffar as an iCalendar feed, found by the group's calendar token rather than by a sign-in so that
/// Outlook and phones can subscribe. It holds what a calendar needs (day, time, place, theme) and never who
/// takes part. Each träff keeps its UID for ever, so a moved träff moves in the subscriber's calendar (its
/// SEQUENCE goes up) and a cancelled one shows as cancelled instead of vanishing.
/// </summary>
public sealed class GroupCalendarHandler(IGroupRepository groups, TimeProvider clock)
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string ReasonNotFound = "CALENDAR_NOT_FOUND";

    /// <summary>Base64url of 32 bytes is 43 characters; anything far longer is no token of ours.</summary>
    private const int MaxTokenLength = 100;

    /// <summary>The calendar text (serve it as UTF-8); NOT_FOUND for a token no group has.</summary>
    public async Task<string> RenderAsync(string? calendarToken, CancellationToken cancellationToken)
    {
        var token = calendarToken?.Trim() ?? "";
        var group = token.Length is 0 or > MaxTokenLength ? null : await groups.FindByCalendarTokenAsync(token, cancellationToken);
        if (group is null)
        {
            // The same answer for a malformed token as for an unknown one: nothing to learn by probing.
            throw new NotFoundException(ReasonNotFound, "Kalendern finns inte.");
        }

        return IcsCalendar.Write(group.Name, group.Traffar.Select(t => Entry(group, t)), clock.GetUtcNow());
    }

    private static CalendarEntry Entry(Group group, Traff traff)
    {
        var digital = group.Delivery == Delivery.Digital;
        var meetingUrl = digital && Uri.TryCreate(group.Location, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" ? url : null;
        return new CalendarEntry(
            Uid: $"{traff.Id}@finsam",
            // Wall-clock time (DateTimeKind.Unspecified), written with TZID=Europe/Stockholm: a träff at 13:00 stays
            // at 13:00 across the change to summer time instead of being shifted as a UTC instant would be.
            Start: traff.Date.ToDateTime(traff.StartTime, DateTimeKind.Unspecified),
            Duration: TimeSpan.FromMinutes(traff.LengthMinutes),
            Summary: traff.Theme.Length > 0 ? $"{group.Name}: {traff.Theme}" : $"{group.Name}, träff {traff.Number}",
            // A digital group's location that isn't a link describes the meeting (e.g. "Teams, länk i mejlet"):
            // it is shown as the place, since the writer shows a digital träff's place only as a link.
            Location: !digital || meetingUrl is not null ? group.Location
                : group.Location.Length == 0 ? "Digitalt"
                : $"Digitalt: {group.Location}",
            IsDigital: meetingUrl is not null,
            MeetingUrl: meetingUrl,
            IsCancelled: traff.Status == TraffStatus.Cancelled,
            Sequence: traff.Changes.Count(c => c.Kind is TraffChange.Moved or TraffChange.Cancelled));
    }
}
