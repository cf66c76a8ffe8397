using System.Globalization;
using System.Text;

namespace Finsam.Activities.Domain.Calendar;

/// <summary>
/// Writes a group's träffar as an RFC 5545 VCALENDAR that Outlook and phones can subscribe to: all times in
/// Europe/Stockholm with the zone defined in the file (clients don't all know IANA names), stable UIDs,
/// SEQUENCE for moved träffar and STATUS:CANCELLED for cancelled ones, so a subscriber's calendar updates
/// the same event instead of gaining a duplicate.
/// </summary>
public static class IcsCalendar
{
    public const string TimeZoneId = "Europe/Stockholm";
    public const string ProductId = "-//Finsam//Aktiviteter//SV";

    private const string LocalTimeFormat = "yyyyMMdd'T'HHmmss";
    private const string UtcTimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The calendar text with CRLF line endings; serve it as UTF-8 (text/calendar; charset=utf-8).</summary>
    /// <param name="calendarName">Shown by clients as the subscribed calendar's name (X-WR-CALNAME).</param>
    /// <param name="entries">The träffar, cancelled ones included so subscribers see them cancelled.</param>
    /// <param name="generatedAt">DTSTAMP of every event: when this feed was produced.</param>
    public static string Write(string calendarName, IEnumerable<CalendarEntry> entries, DateTimeOffset generatedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(calendarName);
        ArgumentNullException.ThrowIfNull(entries);

        var output = new StringBuilder();
        void Line(string contentLine) => IcsText.AppendFolded(output, contentLine);

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:" + ProductId);
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + IcsText.Escape(calendarName));
        // Google Calendar reads the feed's default zone from here rather than from VTIMEZONE.
        Line("X-WR-TIMEZONE:" + TimeZoneId);
        WriteStockholmTimeZone(Line);

        var stamp = generatedAt.UtcDateTime.ToString(UtcTimeFormat, CultureInfo.InvariantCulture);
        foreach (var entry in entries)
        {
            WriteEvent(Line, entry, stamp);
        }

        Line("END:VCALENDAR");
        return output.ToString();
    }

    /// <summary>
    /// Sweden's rule since 1996 (the EU rule): CEST from the last Sunday of March 02:00 local, CET from the last
    /// Sunday of October 03:00 local. Each DTSTART is the rule's first occurrence in 1970, as RFC 5545 asks.
    /// </summary>
    private static void WriteStockholmTimeZone(Action<string> line)
    {
        line("BEGIN:VTIMEZONE");
        line("TZID:" + TimeZoneId);
        line("X-LIC-LOCATION:" + TimeZoneId);
        line("BEGIN:DAYLIGHT");
        line("TZOFFSETFROM:+0100");
        line("TZOFFSETTO:+0200");
        line("TZNAME:CEST");
        line("DTSTART:19700329T020000");
        line("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        line("END:DAYLIGHT");
        line("BEGIN:STANDARD");
        line("TZOFFSETFROM:+0200");
        line("TZOFFSETTO:+0100");
        line("TZNAME:CET");
        line("DTSTART:19701025T030000");
        line("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        line("END:STANDARD");
        line("END:VTIMEZONE");
    }

    private static void WriteEvent(Action<string> line, CalendarEntry entry, string stamp)
    {
        Validate(entry);

        line("BEGIN:VEVENT");
        line("UID:" + IcsText.Escape(entry.Uid));
        line("DTSTAMP:" + stamp);
        line($"DTSTART;TZID={TimeZoneId}:" + entry.Start.ToString(LocalTimeFormat, CultureInfo.InvariantCulture));
        line($"DTEND;TZID={TimeZoneId}:" + entry.End.ToString(LocalTimeFormat, CultureInfo.InvariantCulture));
        line("SUMMARY:" + IcsText.Escape(entry.Summary));

        if (entry.IsDigital)
        {
            line("LOCATION:Digitalt");
            if (entry.MeetingUrl is not null)
            {
                line("URL:" + entry.MeetingUrl.AbsoluteUri);
                // Outlook and most phones don't show URL, so the link is repeated where people look.
                line("DESCRIPTION:" + IcsText.Escape("Digital träff: " + entry.MeetingUrl.AbsoluteUri));
            }
        }
        else if (!string.IsNullOrWhiteSpace(entry.Location))
        {
            line("LOCATION:" + IcsText.Escape(entry.Location));
        }

        line("SEQUENCE:" + entry.Sequence.ToString(CultureInfo.InvariantCulture));
        line("STATUS:" + (entry.IsCancelled ? "CANCELLED" : "CONFIRMED"));
        line("END:VEVENT");
    }

    private static void Validate(CalendarEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Uid, nameof(entry.Uid));
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Summary, nameof(entry.Summary));

        // A UTC or machine-local DateTime would be written as if it were Stockholm time, silently shifting the träff.
        if (entry.Start.Kind != DateTimeKind.Unspecified)
        {
            throw new ArgumentException(
                $"Träff {entry.Uid}: start must be Stockholm wall-clock time (DateTimeKind.Unspecified), was {entry.Start.Kind}.",
                nameof(entry));
        }

        if (entry.Duration <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Träff {entry.Uid}: duration must be positive, was {entry.Duration}.", nameof(entry));
        }

        if (entry.Sequence < 0)
        {
            throw new ArgumentException($"Träff {entry.Uid}: sequence can't be negative, was {entry.Sequence}.", nameof(entry));
        }

        if (entry.MeetingUrl is { IsAbsoluteUri: false } || entry.MeetingUrl is { Scheme: not ("https" or "http") })
        {
            throw new ArgumentException($"Träff {entry.Uid}: the meeting link must be an absolute http(s) address.", nameof(entry));
        }
    }
}
