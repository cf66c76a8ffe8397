using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Finsam.Platform.Security;
using Finsam.Testing;
using static Finsam.EndToEndTests.RestJson;

namespace Finsam.EndToEndTests;

/// <summary>
/// A whole Mitt Val course through the gateway over REST, as the people who run it would: the administratör
/// defines the insats and registers the leaders (one from FK, one from AF), the insatsansvarig schedules 8 träffar
/// at 2 a week over Kristi himmelsfärd, samordnare book 10 and 2 more land on the waiting list, a cancellation
/// promotes the first in line, the leaders record attendance for every träff (one entry corrected), complete the
/// group and enter the evaluation forms, and the calendar feed is read back as iCalendar.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class GroupCourseTests(FinsamSystem system)
{
    /// <summary>
    /// The Tuesday of the latest Kristi himmelsfärd week (Easter Sunday + 39 days, a Thursday) whose Mitt Val course
    /// lies wholly in the past, so attendance can be recorded for every träff: the test runs on any day of any year.
    /// </summary>
    private static DateOnly MittValStart()
    {
        var today = SwedishDay.Today();
        for (var year = today.Year; ; year--)
        {
            var start = Ascension(year).AddDays(-2);
            if (MeetingDays(start).Skip(8).First() <= today)
            {
                return start;
            }
        }
    }

    /// <summary>
    /// Tuesdays and Thursdays from the start, skipping the holidays that can fall on them in these weeks (Kristi
    /// himmelsfärd, and Nationaldagen 6 June in some years). Worked out here on its own, not with the service's
    /// calendar, so the test checks the service rather than repeating it.
    /// </summary>
    private static IEnumerable<DateOnly> MeetingDays(DateOnly start)
    {
        for (var day = start; ; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Thursday && day != Ascension(day.Year) && day != new DateOnly(day.Year, 6, 6))
            {
                yield return day;
            }
        }
    }

    /// <summary>Kristi himmelsfärds dag: 39 days after Easter Sunday (the anonymous Gregorian computus).</summary>
    private static DateOnly Ascension(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451, month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day).AddDays(39);
    }

    [Fact]
    public async Task A_mitt_val_course_from_definition_to_evaluation()
    {
        var start = MittValStart();
        var days = MeetingDays(start).Take(8).ToArray();
        var extraDay = MeetingDays(start).Skip(8).First();
        var ascension = start.AddDays(2);
        var insatsId = await DefineGroupCourseAsync("Mitt Val");
        var leaderFk = $"e2e-ledare-fk-{Guid.NewGuid():N}";
        var leaderAf = $"e2e-ledare-af-{Guid.NewGuid():N}";
        await system.AdminRest.SendOkAsync(HttpMethod.Put, $"/v1/activities/leaders/{leaderFk}", new { displayName = "Lena Ek", agency = "fk", qualifications = new[] { "handlaggare" } });
        await system.AdminRest.SendOkAsync(HttpMethod.Put, $"/v1/activities/leaders/{leaderAf}", new { displayName = "Omar Said", agency = "af", qualifications = new[] { "arbetsformedlare" } });
        var (formatId, format) = await FindFormatAsync("Mitt Val");
        Assert.Equal(8, format["totalTraffar"]!.GetValue<int>());

        using var manager = system.RestAs(system.Token(Roles.Insatsansvarig, insatser: [insatsId]));
        using var staff = system.RestAs(system.Token(Roles.Samordnare, insatser: [insatsId]));
        using var leader = system.RestAs(system.Token(Roles.Gruppledare, leaderFk));
        using var coLeader = system.RestAs(system.Token(Roles.Gruppledare, leaderAf));

        // Scheduled: 8 träffar on Tuesdays and Thursdays, Kristi himmelsfärd skipped, the count kept.
        var group = await manager.PostOkAsync("/v1/activities/groups", new
        {
            requestId = Guid.NewGuid(), insatsId, formatId, name = $"Mitt Val vår {start.Year}", startDate = Date(start), location = "Storgatan 1, Umeå",
        });
        var groupId = group["groupId"]!.GetValue<string>();
        Assert.Equal(days, Traffar(group).Select(t => ToDate(t["date"]!)));
        Assert.DoesNotContain(ascension, Traffar(group).Select(t => ToDate(t["date"]!)));
        Assert.Equal(10, group["maxParticipants"]!.GetValue<int>());

        group = await manager.PostOkAsync($"/v1/activities/groups/{groupId}:assignLeaders", new { etag = Etag(group), leaderSubjects = new[] { leaderFk, leaderAf } });
        var mine = await leader.GetOkAsync("/v1/activities/my/groups?includeEnded=true");
        Assert.Contains(mine["groups"]!.AsArray(), g => g!["groupId"]!.GetValue<string>() == groupId);

        // Book 10, then 2 more go on the waiting list in order.
        var participants = Enumerable.Range(0, 12).Select(_ => Guid.CreateVersion7().ToString()).ToList();
        var bookings = new List<JsonNode>();
        foreach (var participantId in participants)
        {
            bookings.Add(await staff.PostOkAsync($"/v1/activities/groups/{groupId}/bookings", new { requestId = Guid.NewGuid(), participantId }));
        }

        Assert.All(bookings.Take(10), b => Assert.Equal("BOOKING_STATUS_BOOKED", b["status"]!.GetValue<string>()));
        Assert.Equal(["BOOKING_STATUS_WAITLISTED", "BOOKING_STATUS_WAITLISTED"], bookings.Skip(10).Select(b => b["status"]!.GetValue<string>()));
        Assert.Equal([1, 2], bookings.Skip(10).Select(b => Int(b["waitlistPosition"])));

        // A cancellation promotes the first in line.
        var cancelled = await staff.PostOkAsync(
            $"/v1/activities/groups/{groupId}/bookings/{bookings[3]["bookingId"]!.GetValue<string>()}:cancel", new { reason = "sjukdom" });
        Assert.Equal("BOOKING_STATUS_CANCELLED", cancelled["status"]!.GetValue<string>());
        var roster = await leader.GetOkAsync($"/v1/activities/groups/{groupId}/roster");
        var booked = roster["booked"]!.AsArray().Select(e => e!["booking"]!["participantId"]!.GetValue<string>()).ToList();
        Assert.Equal(10, booked.Count);
        Assert.Contains(participants[10], booked);
        Assert.DoesNotContain(participants[3], booked);
        Assert.Equal([participants[11]], roster["waitlist"]!.AsArray().Select(b => b!["participantId"]!.GetValue<string>()));

        group = await manager.GetOkAsync($"/v1/activities/groups/{groupId}");
        group = await manager.PostOkAsync($"/v1/activities/groups/{groupId}:start", new { etag = Etag(group) });
        Assert.Equal("GROUP_STATUS_STARTED", group["status"]!.GetValue<string>());

        // An extra träff is added and then cancelled again: both changes are kept, and the feed shows it cancelled.
        group = await leader.PostOkAsync($"/v1/activities/groups/{groupId}/traffar", new
        {
            etag = Etag(group), date = Date(extraDay), startTime = "13:00", lengthMinutes = 120, reason = "Extra träff inför kartläggningen",
        });
        var extra = Traffar(group).Single(t => ToDate(t["date"]!) == extraDay);
        group = await leader.PostOkAsync(
            $"/v1/activities/groups/{groupId}/traffar/{extra["traffId"]!.GetValue<string>()}:cancel", new { etag = Etag(group), reason = "Behövdes inte" });
        extra = Traffar(group).Single(t => t["traffId"]!.GetValue<string>() == extra["traffId"]!.GetValue<string>());
        Assert.Equal("TRAFF_STATUS_CANCELLED", extra["status"]!.GetValue<string>());
        Assert.Equal(["added", "cancelled"], extra["changes"]!.AsArray().Select(c => c!["kind"]!.GetValue<string>()));

        // Attendance at every träff. The last booked misses träffar 2–4 unannounced; one leaves early at träff 6.
        var held = Traffar(group).Where(t => t["status"]!.GetValue<string>() != "TRAFF_STATUS_CANCELLED").ToList();
        Assert.Equal(8, held.Count);
        var absentee = booked[^1];
        foreach (var traff in held)
        {
            var number = traff["number"]!.GetValue<int>();
            var entries = booked.Select(p => new
            {
                participantId = p,
                status = p == absentee && number is >= 2 and <= 4 ? "ATTENDANCE_STATUS_UNEXCUSED_ABSENCE" : "ATTENDANCE_STATUS_PRESENT",
                hours = p == booked[0] && number == 6 ? 1.5 : 0,
            });
            var recorded = await (number % 2 == 0 ? coLeader : leader).PostOkAsync(
                $"/v1/activities/groups/{groupId}/traffar/{traff["traffId"]!.GetValue<string>()}/attendance", new { entries });
            Assert.Equal(10, recorded["entries"]!.AsArray().Count);
        }

        // One correction: the absence at träff 3 was announced after all. The earlier value is kept.
        var third = held.Single(t => t["number"]!.GetValue<int>() == 3)["traffId"]!.GetValue<string>();
        var attendance = await leader.GetOkAsync($"/v1/activities/groups/{groupId}/traffar/{third}/attendance");
        var corrected = await leader.PostOkAsync($"/v1/activities/groups/{groupId}/traffar/{third}/attendance/{absentee}:correct", new
        {
            status = "ATTENDANCE_STATUS_EXCUSED_ABSENCE", reason = "Anmälde frånvaro per telefon", etag = Etag(attendance),
        });
        var entry = corrected["entries"]!.AsArray().Single(e => e!["participantId"]!.GetValue<string>() == absentee)!;
        Assert.Equal("ATTENDANCE_STATUS_EXCUSED_ABSENCE", entry["status"]!.GetValue<string>());
        var correction = entry["corrections"]!.AsArray().Single()!;
        Assert.Equal("ATTENDANCE_STATUS_UNEXCUSED_ABSENCE", correction["previousStatus"]!.GetValue<string>());
        Assert.Equal(leaderFk, correction["correctedBy"]!.GetValue<string>());

        // Bad input is named: an unknown träff, someone not booked, more hours than the träff has.
        var first = held[0]["traffId"]!.GetValue<string>();
        var unknown = await leader.SendErrorAsync(HttpMethod.Post, $"/v1/activities/groups/{groupId}/traffar/{Guid.NewGuid()}/attendance",
            new { entries = new[] { new { participantId = booked[0], status = "ATTENDANCE_STATUS_PRESENT" } } }, HttpStatusCode.BadRequest);
        Assert.Contains("traff_id", Violations(unknown));
        var notBooked = await leader.SendErrorAsync(HttpMethod.Post, $"/v1/activities/groups/{groupId}/traffar/{first}/attendance",
            new { entries = new[] { new { participantId = participants[11], status = "ATTENDANCE_STATUS_PRESENT" } } }, HttpStatusCode.BadRequest);
        Assert.Contains("entries[0].participant_id", Violations(notBooked));
        var tooLong = await leader.SendErrorAsync(HttpMethod.Post, $"/v1/activities/groups/{groupId}/traffar/{first}/attendance",
            new { entries = new[] { new { participantId = booked[1], status = "ATTENDANCE_STATUS_PRESENT", hours = 2.5 } } }, HttpStatusCode.BadRequest);
        Assert.Contains("entries[0].hours", Violations(tooLong));

        // Completed: 9 of 10 reached 75 %; the absentee was present at 5 of 8.
        group = await leader.GetOkAsync($"/v1/activities/groups/{groupId}");
        group = await leader.PostOkAsync($"/v1/activities/groups/{groupId}:complete", new { etag = Etag(group) });
        Assert.Equal("GROUP_STATUS_COMPLETED", group["status"]!.GetValue<string>());
        var summary = await leader.GetOkAsync($"/v1/activities/groups/{groupId}/attendance-summary");
        Assert.Equal(9, Int(summary["completed"]));
        Assert.Equal(8, summary["traffar"]!.AsArray().Count);
        var absenteeRate = summary["participants"]!.AsArray().Single(p => p!["participantId"]!.GetValue<string>() == absentee)!;
        Assert.Equal(5, Int(absenteeRate["present"]));
        Assert.False(absenteeRate["completed"]?.GetValue<bool>() ?? false);
        Assert.Equal(77.0 / 80 * 100, summary["overallAttendancePercent"]!.GetValue<double>(), 3);

        // The group has ended: no more bookings.
        var late = await staff.SendErrorAsync(HttpMethod.Post, $"/v1/activities/groups/{groupId}/bookings",
            new { requestId = Guid.NewGuid(), participantId = Guid.CreateVersion7().ToString() }, HttpStatusCode.BadRequest);
        Assert.Contains("group_id", Violations(late));

        // Evaluation forms, unlinked from the people: means per statement.
        var statements = format["format"]!["evaluationStatements"]!.AsArray().Count;
        Assert.True(statements >= 3);
        int[][] forms = [Enumerable.Repeat(6, statements).ToArray(), Enumerable.Repeat(5, statements).ToArray(), Enumerable.Repeat(4, statements).ToArray()];
        forms[2][0] = 0; // one form left the first statement unanswered
        foreach (var ratings in forms)
        {
            await leader.PostOkAsync($"/v1/activities/groups/{groupId}/evaluations", new { requestId = Guid.NewGuid(), ratings });
        }

        var evaluation = await manager.GetOkAsync($"/v1/activities/groups/{groupId}/evaluation-summary");
        Assert.Equal(3, Int(evaluation["answers"]));
        var means = evaluation["statements"]!.AsArray();
        Assert.Equal(2, Int(means[0]!["n"]));
        Assert.Equal(5.5, means[0]!["mean"]!.GetValue<double>(), 6);
        Assert.Equal(3, Int(means[1]!["n"]));
        Assert.Equal(5.0, means[1]!["mean"]!.GetValue<double>(), 6);

        // The calendar feed: no sign-in, Europe/Stockholm, stable UIDs, the cancelled träff as CANCELLED.
        var token = group["calendarToken"]!.GetValue<string>();
        var (feed, contentType) = await CalendarAsync(token);
        Assert.StartsWith("text/calendar", contentType);
        var calendar = IcsTestParser.Parse(Encoding.UTF8.GetString(feed));
        var events = calendar.All("VEVENT").ToList();
        Assert.Equal(9, events.Count);
        Assert.Equal("Europe/Stockholm", calendar.All("VTIMEZONE").Single().ValueOf("TZID"));
        Assert.All(events, e => Assert.Equal("Europe/Stockholm", e.Single("DTSTART").Parameters["TZID"]));
        Assert.Equal(["CANCELLED"], events.Where(e => e.ValueOf("STATUS") == "CANCELLED").Select(e => e.ValueOf("STATUS")));
        var firstStart = events.Select(e => e.ValueOf("DTSTART")!).Order(StringComparer.Ordinal).First();
        Assert.StartsWith($"{start:yyyyMMdd}T", firstStart);
        var (again, _) = await CalendarAsync(token);
        Assert.Equal(
            events.Select(e => e.ValueOf("UID")).Order(),
            IcsTestParser.Parse(Encoding.UTF8.GetString(again)).All("VEVENT").Select(e => e.ValueOf("UID")).Order());

        using var anonymous = new HttpClient { BaseAddress = system.Rest.BaseAddress };
        using var wrongToken = await anonymous.GetAsync($"/v1/activities/calendars/{Guid.NewGuid():N}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
    }

    [Fact]
    public async Task Ten_concurrent_bookings_on_the_last_place_give_one_place_and_nine_on_the_waiting_list()
    {
        var insatsId = await DefineGroupCourseAsync("Stresshantering");
        var (formatId, format) = await FindFormatAsync("Stresshantering");
        using var manager = system.RestAs(system.Token(Roles.Insatsansvarig, insatser: [insatsId]));
        using var staff = system.RestAs(system.Token(Roles.Samordnare, insatser: [insatsId]));
        var start = NextWeekday(SwedishDay.Today().AddDays(30), format);
        var group = await manager.PostOkAsync("/v1/activities/groups", new
        {
            requestId = Guid.NewGuid(), insatsId, formatId, name = "Stresshantering höst", startDate = Date(start), location = "Vårdcentralen",
        });
        var groupId = group["groupId"]!.GetValue<string>();
        var places = group["maxParticipants"]!.GetValue<int>();
        for (var i = 0; i < places - 1; i++)
        {
            await staff.PostOkAsync($"/v1/activities/groups/{groupId}/bookings", new { requestId = Guid.NewGuid(), participantId = Guid.CreateVersion7().ToString() });
        }

        var racers = Enumerable.Range(0, 10).Select(_ => Guid.CreateVersion7().ToString()).ToList();
        var results = await Task.WhenAll(racers.Select(p =>
            staff.PostOkAsync($"/v1/activities/groups/{groupId}/bookings", new { requestId = Guid.NewGuid(), participantId = p })));

        Assert.Single(results, r => r["status"]!.GetValue<string>() == "BOOKING_STATUS_BOOKED");
        var waiting = results.Where(r => r["status"]!.GetValue<string>() == "BOOKING_STATUS_WAITLISTED").ToList();
        Assert.Equal(9, waiting.Count);
        Assert.Equal(Enumerable.Range(1, 9), waiting.Select(w => Int(w["waitlistPosition"])).Order());
        var roster = await staff.GetOkAsync($"/v1/activities/groups/{groupId}/roster");
        Assert.Equal(places, roster["booked"]!.AsArray().Count);
        Assert.Equal(9, roster["waitlist"]!.AsArray().Count);
    }

    private static IEnumerable<JsonNode> Traffar(JsonNode group) => group["traffar"]!.AsArray().Select(t => t!);

    /// <summary>The first day on or after <paramref name="from"/> that is one of the format's first phase's weekdays.</summary>
    private static DateOnly NextWeekday(DateOnly from, JsonNode format)
    {
        var weekdays = format["format"]!["phases"]![0]!["weekdays"]!.AsArray().Select(d => d!.GetValue<int>()).ToHashSet();
        var day = from;
        while (!weekdays.Contains(day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private async Task<string> DefineGroupCourseAsync(string name)
    {
        var insats = await system.AdminRest.PostOkAsync("/v1/activities/insatser", new
        {
            requestId = Guid.NewGuid(), name = $"{name} {Guid.NewGuid():N}", kind = "INSATS_KIND_GROUP_COURSE", budgetedPlaces = 40,
        });
        return insats["insatsId"]!.GetValue<string>();
    }

    /// <summary>A seeded course format, found by name in the catalogue as any user would.</summary>
    private async Task<(string FormatId, JsonNode Format)> FindFormatAsync(string name)
    {
        var list = await system.AdminRest.GetOkAsync("/v1/activities/course-formats?pageSize=100");
        var format = list["formats"]!.AsArray().First(f => f!["format"]!["name"]!.GetValue<string>() == name)!;
        return (format["formatId"]!.GetValue<string>(), format);
    }

    private async Task<(byte[] Body, string ContentType)> CalendarAsync(string token)
    {
        // A calendar app subscribes without a sign-in: a plain client, no Authorization header.
        using var anonymous = new HttpClient { BaseAddress = system.Rest.BaseAddress };
        using var response = await anonymous.GetAsync($"/v1/activities/calendars/{token}", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"calendar: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        return (body, response.Content.Headers.ContentType?.ToString() ?? "");
    }
}
