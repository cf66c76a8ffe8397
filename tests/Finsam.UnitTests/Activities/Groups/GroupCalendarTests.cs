using System.Globalization;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;
using Finsam.Testing;
using Finsam.UnitTests.Activities.Calendar;
using static Finsam.UnitTests.Activities.Groups.GroupTestBed;

namespace Finsam.UnitTests.Activities.Groups;

/// <summary>The group's .ics feed, read back with the independent parser.</summary>
public sealed class GroupCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_feed_has_one_event_per_traff_in_Stockholm_time_with_stable_uids_and_cancelled_ones_marked()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();
        var handlers = bed.Harness.Get<TraffChangeHandlers>();
        var calendar = bed.Harness.Get<GroupCalendarHandler>();
        var before = IcsTestParser.Parse(await calendar.RenderAsync(group.CalendarToken, Ct));

        var movedId = group.Traffar[1].Id;
        group = await handlers.MoveAsync(
            bed.LeaderFk, new MoveTraffCommand(group.Id, movedId, Etags.Of(group.Version), D("2026-05-20"), "09:00", "Lokalen bokad"), Ct);
        group = await handlers.CancelAsync(
            bed.LeaderFk, new CancelTraffCommand(group.Id, group.Traffar[7].Id, Etags.Of(group.Version), "Ledaren bortrest"), Ct);
        var after = IcsTestParser.Parse(await calendar.RenderAsync(group.CalendarToken, Ct));

        Assert.Equal("VCALENDAR", after.Name);
        Assert.Equal("Mitt Val vår 2026, grupp 1", after.Single("X-WR-CALNAME").Text);
        var events = after.All("VEVENT").ToList();
        Assert.Equal(8, events.Count);
        // The same träffar keep the same UIDs whatever happens to them.
        Assert.Equal(group.Traffar.Select(t => $"{t.Id}@finsam").Order(), events.Select(e => e.Single("UID").Text).Order());
        Assert.Equal(
            before.All("VEVENT").Select(e => e.Single("UID").Text).Order(),
            events.Select(e => e.Single("UID").Text).Order());

        var first = events.Single(e => e.Single("UID").Text == $"{group.Traffar[0].Id}@finsam");
        Assert.Equal("Mitt Val vår 2026, grupp 1: Välkommen", first.Single("SUMMARY").Text);
        Assert.Equal("Arbetsförmedlingen, rum 3", first.Single("LOCATION").Text);
        Assert.Equal("Europe/Stockholm", first.Single("DTSTART").Parameters["TZID"]);
        Assert.Equal("20260512T130000", first.Single("DTSTART").RawValue);
        Assert.Equal("20260512T150000", first.Single("DTEND").RawValue);
        Assert.Equal(("0", "CONFIRMED"), (first.ValueOf("SEQUENCE"), first.ValueOf("STATUS")));

        var moved = events.Single(e => e.Single("UID").Text == $"{movedId}@finsam");
        Assert.Equal(("20260520T090000", "1", "CONFIRMED"), (moved.Single("DTSTART").RawValue, moved.ValueOf("SEQUENCE"), moved.ValueOf("STATUS")));

        var cancelled = events.Single(e => e.Single("UID").Text == $"{group.Traffar[7].Id}@finsam");
        Assert.Equal(("CANCELLED", "1"), (cancelled.ValueOf("STATUS"), cancelled.ValueOf("SEQUENCE")));
        Assert.Equal(1, events.Count(e => e.ValueOf("STATUS") == "CANCELLED"));
    }

    [Fact]
    public async Task A_traff_without_a_theme_is_named_by_its_number_and_the_feed_names_no_participant()
    {
        await using var bed = await StartAsync();
        var group = await bed.Harness.Get<ScheduleGroupHandler>().HandleAsync(
            bed.Admin, bed.MittValCommand() with { FormatId = bed.HalsoskolanFormatId, InterpreterLanguage = "dari", StartDate = D("2026-04-01") }, Ct);
        group = await bed.BookAsync(group, 3);

        var text = await bed.Harness.Get<GroupCalendarHandler>().RenderAsync(group.CalendarToken, Ct);
        var events = IcsTestParser.Parse(text).All("VEVENT").ToList();

        Assert.Equal(
            Enumerable.Range(1, 6).Select(n => $"Mitt Val vår 2026, grupp 1, träff {n}"),
            events.Select(e => e.Single("SUMMARY").Text).Order(StringComparer.Ordinal));
        Assert.All(group.Bookings, b => Assert.DoesNotContain(b.ParticipantId, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_digital_group_with_a_link_gets_it_as_the_meeting_url()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleMittValAsync();
        var stored = (await bed.Groups.GetAsync(group.Id, Ct))!;
        var digital = new Group
        {
            Id = Guid.CreateVersion7().ToString(),
            InsatsId = stored.InsatsId,
            FormatId = stored.FormatId,
            FormatName = stored.FormatName,
            Name = "Mitt Val digitalt",
            StartDate = stored.StartDate,
            Delivery = Delivery.Digital,
            Location = "https://meet.example.se/mitt-val",
            Traffar = stored.Traffar,
            CalendarToken = "digital-token",
            ScheduledBy = "admin-1",
        };
        await bed.Groups.AddAsync(digital, Guid.NewGuid().ToString(), [], Ct);

        var first = IcsTestParser.Parse(await bed.Harness.Get<GroupCalendarHandler>().RenderAsync("digital-token", Ct)).All("VEVENT").First();

        Assert.Equal("Digitalt", first.Single("LOCATION").Text);
        Assert.Equal("https://meet.example.se/mitt-val", first.ValueOf("URL"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("okänd-token")]
    public async Task An_unknown_token_is_not_found(string token)
    {
        await using var bed = await StartAsync();
        await bed.ScheduleMittValAsync();

        var missing = await Assert.ThrowsAsync<NotFoundException>(() => bed.Harness.Get<GroupCalendarHandler>().RenderAsync(token, Ct));

        Assert.Equal(GroupCalendarHandler.ReasonNotFound, missing.Reason);
    }
}
