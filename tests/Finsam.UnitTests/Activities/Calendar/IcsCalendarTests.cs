using System.Globalization;
using System.Text;
using Finsam.Activities.Domain.Calendar;
using Finsam.Testing;

namespace Finsam.UnitTests.Activities.Calendar;

public sealed class IcsCalendarTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(1));
    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    private const string LongSwedishSummary =
        "Mitt Val – träff 3 av 8: Återhämtning, sömn och vardagsrutiner 😴 för att må bättre på arbetsplatsen och i vardagen (ta med anteckningsbok) 🌿 ÅÄÖ åäö";

    private static DateTime Local(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, DateTimeKind.Unspecified);

    private static CalendarEntry Träff(string id, DateTime start, string summary = "Mitt Val, träff", string? location = "Medborgarhuset, sal 2") =>
        new($"{id}@finsam", start, TwoHours, summary, location);

    private static readonly CalendarEntry[] Group =
    [
        Träff("t1", Local(2026, 3, 24, 13), LongSwedishSummary),
        Träff("t2", Local(2026, 3, 30, 13)) with { Sequence = 2 },
        new("t3@finsam", Local(2026, 4, 2, 9), TimeSpan.FromMinutes(90), "Digital träff", IsDigital: true, MeetingUrl: new Uri("https://meet.example.se/mittval?id=42")),
        Träff("t4", Local(2026, 10, 26, 13)) with { IsCancelled = true, Sequence = 1 },
    ];

    private static string Render(IEnumerable<CalendarEntry>? entries = null, DateTimeOffset? generatedAt = null) =>
        IcsCalendar.Write("Mitt Val, våren 2026", entries ?? Group, generatedAt ?? GeneratedAt);

    private static IcsTestParser.Component Event(IcsTestParser.Component calendar, string uid) =>
        calendar.All("VEVENT").Single(e => e.Single("UID").Text == uid);

    [Fact]
    public void The_calendar_has_the_header_the_zone_and_one_event_per_träff()
    {
        var calendar = IcsTestParser.Parse(Render());

        Assert.Equal("VCALENDAR", calendar.Name);
        Assert.Equal("2.0", calendar.ValueOf("VERSION"));
        Assert.Equal(IcsCalendar.ProductId, calendar.ValueOf("PRODID"));
        Assert.Equal("GREGORIAN", calendar.ValueOf("CALSCALE"));
        Assert.Equal("PUBLISH", calendar.ValueOf("METHOD"));
        Assert.Equal("Mitt Val, våren 2026", calendar.Single("X-WR-CALNAME").Text);

        var zone = Assert.Single(calendar.All("VTIMEZONE"));
        Assert.Equal("Europe/Stockholm", zone.ValueOf("TZID"));
        var daylight = Assert.Single(zone.All("DAYLIGHT"));
        Assert.Equal(("+0100", "+0200", "CEST"), (daylight.ValueOf("TZOFFSETFROM"), daylight.ValueOf("TZOFFSETTO"), daylight.ValueOf("TZNAME")));
        Assert.Equal("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", daylight.ValueOf("RRULE"));
        var standard = Assert.Single(zone.All("STANDARD"));
        Assert.Equal(("+0200", "+0100", "CET"), (standard.ValueOf("TZOFFSETFROM"), standard.ValueOf("TZOFFSETTO"), standard.ValueOf("TZNAME")));
        Assert.Equal("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", standard.ValueOf("RRULE"));

        Assert.Equal(Group.Length, calendar.All("VEVENT").Count());
        Assert.All(calendar.All("VEVENT"), e =>
        {
            Assert.Equal("20260301T083000Z", e.ValueOf("DTSTAMP"));
            Assert.Equal("Europe/Stockholm", e.Single("DTSTART").Parameters["TZID"]);
            Assert.Equal("Europe/Stockholm", e.Single("DTEND").Parameters["TZID"]);
        });
    }

    [Fact]
    public void Lines_end_with_crlf_and_nothing_else()
    {
        var text = Render();

        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                Assert.True(i > 0 && text[i - 1] == '\r', $"bare LF at {i}");
            }

            if (text[i] == '\r')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"bare CR at {i}");
            }
        }
    }

    [Fact]
    public void Every_physical_line_is_at_most_75_octets_and_whole_utf8()
    {
        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var lines = IcsTestParser.PhysicalLines(Encoding.UTF8.GetBytes(Render()));

        Assert.All(lines, line =>
        {
            Assert.InRange(line.Length, 1, 75);
            // Decoding a physical line on its own fails if a fold cut a multi-byte character.
            strictUtf8.GetString(line);
        });
        // The long summary (about 160 octets) really was folded onto three physical lines.
        Assert.True(lines.Count(l => l[0] == (byte)' ') >= 2);
    }

    [Fact]
    public void A_long_swedish_summary_with_emoji_reads_back_whole()
    {
        var calendar = IcsTestParser.Parse(Render());

        Assert.Equal(LongSwedishSummary, Event(calendar, "t1@finsam").Single("SUMMARY").Text);
    }

    [Fact]
    public void Folding_never_splits_a_character_at_any_offset()
    {
        // Shift a run of four-octet emoji and two-octet letters across every fold position.
        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var padding = 0; padding < 8; padding++)
        {
            var summary = new string('x', padding) + string.Concat(Enumerable.Repeat("å😀ö", 30));
            var text = Render([Träff("fold", Local(2026, 5, 5, 10), summary)]);

            Assert.All(IcsTestParser.PhysicalLines(Encoding.UTF8.GetBytes(text)), line =>
            {
                Assert.InRange(line.Length, 1, 75);
                strictUtf8.GetString(line);
            });
            Assert.Equal(summary, Event(IcsTestParser.Parse(text), "fold@finsam").Single("SUMMARY").Text);
        }
    }

    [Fact]
    public void Text_is_escaped()
    {
        var summary = "Stress; sömn, vila \\ återhämtning\nRad två\r\nRad tre";
        var location = "Storgatan 1, plan 2; rum \"Eken\"";

        var text = Render([Träff("esc", Local(2026, 5, 5, 10), summary, location)]);

        Assert.Contains(@"SUMMARY:Stress\; sömn\, vila \\ återhämtning\nRad två\nRad tre" + "\r\n", text, StringComparison.Ordinal);
        Assert.Contains(@"LOCATION:Storgatan 1\, plan 2\; rum ""Eken""" + "\r\n", text, StringComparison.Ordinal);
        var parsed = Event(IcsTestParser.Parse(text), "esc@finsam");
        Assert.Equal(summary.Replace("\r\n", "\n", StringComparison.Ordinal), parsed.Single("SUMMARY").Text);
        Assert.Equal(location, parsed.Single("LOCATION").Text);
    }

    [Fact]
    public void Uids_are_stable_across_renders()
    {
        var first = IcsTestParser.Parse(Render(generatedAt: GeneratedAt));
        var second = IcsTestParser.Parse(Render(generatedAt: GeneratedAt.AddDays(3)));

        string[] Uids(IcsTestParser.Component calendar) => calendar.All("VEVENT").Select(e => e.Single("UID").Text).ToArray();
        Assert.Equal(["t1@finsam", "t2@finsam", "t3@finsam", "t4@finsam"], Uids(first));
        Assert.Equal(Uids(first), Uids(second));
        Assert.NotEqual(first.All("VEVENT").First().ValueOf("DTSTAMP"), second.All("VEVENT").First().ValueOf("DTSTAMP"));
    }

    [Fact]
    public void A_cancelled_träff_is_cancelled_and_the_others_confirmed()
    {
        var calendar = IcsTestParser.Parse(Render());

        Assert.Equal("CANCELLED", Event(calendar, "t4@finsam").ValueOf("STATUS"));
        Assert.All(new[] { "t1@finsam", "t2@finsam", "t3@finsam" }, uid => Assert.Equal("CONFIRMED", Event(calendar, uid).ValueOf("STATUS")));
    }

    [Fact]
    public void A_moved_träff_keeps_its_uid_and_carries_its_sequence()
    {
        var moved = Group[1] with { Start = Local(2026, 3, 31, 9), Sequence = 3 };

        var calendar = IcsTestParser.Parse(Render([moved]));

        var parsed = Event(calendar, "t2@finsam");
        Assert.Equal("3", parsed.ValueOf("SEQUENCE"));
        Assert.Equal("20260331T090000", parsed.ValueOf("DTSTART"));
        Assert.Equal("20260331T110000", parsed.ValueOf("DTEND"));
    }

    [Fact]
    public void A_digital_träff_says_digitalt_and_carries_its_link()
    {
        var parsed = Event(IcsTestParser.Parse(Render()), "t3@finsam");

        Assert.Equal("Digitalt", parsed.Single("LOCATION").Text);
        Assert.Equal("https://meet.example.se/mittval?id=42", parsed.ValueOf("URL"));
        Assert.Contains("https://meet.example.se/mittval?id=42", parsed.Single("DESCRIPTION").Text, StringComparison.Ordinal);
        Assert.Equal("20260402T103000", parsed.ValueOf("DTEND"));
    }

    [Theory]
    [InlineData(2026, 3, 28)] // Saturday before the spring change: still CET
    [InlineData(2026, 3, 30)] // Monday after: CEST
    [InlineData(2026, 10, 24)] // Saturday before the autumn change: still CEST
    [InlineData(2026, 10, 26)] // Monday after: CET
    [InlineData(2027, 3, 29)]
    [InlineData(2027, 11, 1)]
    public void Local_times_are_written_as_planned_and_the_zone_maps_them_like_the_tz_database(int year, int month, int day)
    {
        var start = Local(year, month, day, 13);

        var calendar = IcsTestParser.Parse(Render([Träff("dst", start)]));

        var written = Event(calendar, "dst@finsam").ValueOf("DTSTART")!;
        Assert.Equal($"{year:D4}{month:D2}{day:D2}T130000", written);
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        Assert.Equal(stockholm.GetUtcOffset(start), OffsetByWrittenZone(calendar.All("VTIMEZONE").Single(), start));
    }

    [Fact]
    public void A_round_trip_reads_back_every_event()
    {
        var calendar = IcsTestParser.Parse(Render());

        var readBack = calendar.All("VEVENT").Select(e => (
            Uid: e.Single("UID").Text,
            Start: DateTime.ParseExact(e.ValueOf("DTSTART")!, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture),
            Cancelled: e.ValueOf("STATUS") == "CANCELLED",
            Summary: e.Single("SUMMARY").Text)).ToList();

        Assert.Equal(Group.Select(g => (g.Uid, g.Start, g.IsCancelled, g.Summary)), readBack);
    }

    [Fact]
    public void A_start_that_is_not_wall_clock_time_is_refused()
    {
        var utc = Träff("utc", new DateTime(2026, 5, 5, 11, 0, 0, DateTimeKind.Utc));

        Assert.Throws<ArgumentException>(() => Render([utc]));
    }

    [Fact]
    public void A_relative_or_non_web_meeting_link_is_refused()
    {
        var relative = Group[2] with { MeetingUrl = new Uri("/meet/42", UriKind.Relative) };
        var mail = Group[2] with { MeetingUrl = new Uri("mailto:ledare@example.se") };

        Assert.Throws<ArgumentException>(() => Render([relative]));
        Assert.Throws<ArgumentException>(() => Render([mail]));
    }

    /// <summary>
    /// The UTC offset at a local time by the VTIMEZONE in the file: the last Sunday of each rule's BYMONTH at its
    /// DTSTART time of day, as an independent reading of what a client will compute.
    /// </summary>
    private static TimeSpan OffsetByWrittenZone(IcsTestParser.Component zone, DateTime local)
    {
        DateTime Onset(IcsTestParser.Component rule)
        {
            var rrule = rule.ValueOf("RRULE")!.Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
            Assert.Equal("-1SU", rrule["BYDAY"]);
            var month = int.Parse(rrule["BYMONTH"], CultureInfo.InvariantCulture);
            var timeOfDay = DateTime.ParseExact(rule.ValueOf("DTSTART")!, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture).TimeOfDay;
            var last = new DateTime(local.Year, month, DateTime.DaysInMonth(local.Year, month));
            return last.AddDays(-(int)last.DayOfWeek) + timeOfDay;
        }

        TimeSpan OffsetTo(IcsTestParser.Component rule)
        {
            var value = rule.ValueOf("TZOFFSETTO")!;
            var offset = new TimeSpan(int.Parse(value[1..3], CultureInfo.InvariantCulture), int.Parse(value[3..5], CultureInfo.InvariantCulture), 0);
            return value[0] == '-' ? -offset : offset;
        }

        var daylight = zone.All("DAYLIGHT").Single();
        var standard = zone.All("STANDARD").Single();
        return local >= Onset(daylight) && local < Onset(standard) ? OffsetTo(daylight) : OffsetTo(standard);
    }
}
