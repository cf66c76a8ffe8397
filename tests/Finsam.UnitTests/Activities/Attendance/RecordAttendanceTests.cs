using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Attendance;
using Finsam.Activities.Application.Bookings;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.UnitTests.Activities.Bookings;
using static Finsam.UnitTests.Activities.Bookings.TestGroup;

namespace Finsam.UnitTests.Activities.Attendance;

public sealed class RecordAttendanceTests
{
    private static readonly DateTime Now = ActivitiesHarness.DefaultNow.UtcDateTime;

    private static AttendanceEntryInput Present(int n, double hours = 0) => new(P(n), AttendanceStatus.Present, hours);

    private static Task<TraffAttendanceView> RecordAsync(ActivitiesHarness harness, Group group, string traffId, AttendanceEntryInput[] entries, Caller? caller = null) =>
        harness.Get<RecordAttendanceHandler>().HandleAsync(caller ?? LeaderCaller, new RecordAttendanceCommand(group.Id, traffId, entries), Ct);

    [Fact]
    public async Task The_first_recording_marks_the_traff_held_and_stores_every_entry_with_its_hours()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(4).AddAsync(harness);

        var view = await RecordAsync(harness, group, "traff-1",
        [
            Present(1),
            Present(2, 1.5),
            new(P(3), AttendanceStatus.ExcusedAbsence, 0),
            new(P(4), AttendanceStatus.UnexcusedAbsence, 0),
        ]);

        Assert.Equal(TraffStatus.Held, view.Traff.Status);
        var stored = (await StoredAsync(harness, group.Id)).FindTraff("traff-1")!;
        Assert.Equal(TraffStatus.Held, stored.Status);
        Assert.Equal(
            [(P(1), AttendanceStatus.Present, 2.0), (P(2), AttendanceStatus.Present, 1.5), (P(3), AttendanceStatus.ExcusedAbsence, 0.0), (P(4), AttendanceStatus.UnexcusedAbsence, 0.0)],
            stored.Attendance.Select(a => (a.ParticipantId, a.Status, a.Hours)));
        Assert.All(stored.Attendance, a => Assert.Equal((Leader, Now), (a.RecordedBy, a.RecordedAt)));
        Assert.Equal(
            [
                new TraffHeld(group.Id, InsatsId, "traff-1", 1, new DateOnly(2026, 2, 16), LengthMinutes, Now),
                new AttendanceRecorded(group.Id, InsatsId, "traff-1", P(1), "present", 2.0, Now),
                new AttendanceRecorded(group.Id, InsatsId, "traff-1", P(2), "present", 1.5, Now),
                new AttendanceRecorded(group.Id, InsatsId, "traff-1", P(3), "excused-absence", 0, Now),
                new AttendanceRecorded(group.Id, InsatsId, "traff-1", P(4), "unexcused-absence", 0, Now),
            ],
            await EventsAsync(harness));
    }

    [Fact]
    public async Task More_participants_can_be_recorded_later_at_a_held_traff_without_it_being_held_twice()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(2).AddAsync(harness);
        await RecordAsync(harness, group, "traff-1", [Present(1)]);

        var view = await RecordAsync(harness, group, "traff-1", [Present(2)]);

        Assert.Equal([P(1), P(2)], view.Traff.Attendance.Select(a => a.ParticipantId));
        var events = await EventsAsync(harness);
        Assert.Single(events.OfType<TraffHeld>());
        Assert.Equal(2, events.OfType<AttendanceRecorded>().Count());
    }

    [Fact]
    public async Task A_participant_already_recorded_at_the_traff_needs_a_correction_and_nothing_is_stored()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(2).AddAsync(harness);
        await RecordAsync(harness, group, "traff-1", [Present(1)]);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => RecordAsync(harness, group, "traff-1", [Present(2), Present(1)]));

        Assert.Equal(RecordAttendanceHandler.ReasonAlreadyRecorded, ex.Reason);
        Assert.Contains(P(1), ex.Message);
        Assert.Contains("Rätta", ex.Message);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task Bad_input_at_a_traff_already_recorded_is_named_before_being_told_to_correct()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Max(2).Booked(2).Waitlisted(P(3)).AllPresentThrough(1).AddAsync(harness);

        var tooLong = await Assert.ThrowsAsync<ValidationFailedException>(() => RecordAsync(harness, group, "traff-1", [Present(2, 2.5)]));
        var waiting = await Assert.ThrowsAsync<ValidationFailedException>(() => RecordAsync(harness, group, "traff-1", [Present(3)]));

        Assert.Equal("entries[0].hours", Assert.Single(tooLong.Violations).Field);
        Assert.Equal("entries[0].participant_id", Assert.Single(waiting.Violations).Field);
    }

    [Theory]
    [InlineData("traff-99", "finns inte")]
    [InlineData("traff-3", "inställd")]
    [InlineData("traff-6", "har inte ägt rum")]
    [InlineData("", "saknas")]
    public async Task The_traff_must_be_the_groups_not_cancelled_and_not_after_today(string traffId, string message)
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(2).CancelledTraff(3).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => RecordAsync(harness, group, traffId, [Present(1)]));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal("traff_id", violation.Field);
        Assert.Contains(message, violation.Description);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task Today_is_the_Stockholm_day_so_a_traff_tomorrow_in_UTC_may_already_be_today()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(1).AddAsync(harness);
        var afterMidnightInStockholm = new DateTimeOffset(2026, 3, 4, 23, 30, 0, TimeSpan.Zero); // 00:30 on 5 March there

        harness.Clock.Now = afterMidnightInStockholm.AddHours(-1);
        await Assert.ThrowsAsync<ValidationFailedException>(() => RecordAsync(harness, group, "traff-6", [Present(1)]));
        harness.Clock.Now = afterMidnightInStockholm;
        Assert.Equal(TraffStatus.Held, (await RecordAsync(harness, group, "traff-6", [Present(1)])).Traff.Status);
    }

    [Fact]
    public async Task Each_bad_entry_is_named_by_its_index_and_one_bad_entry_stores_none()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Max(2).Booked(P(1), P(2)).Waitlisted(P(3)).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => RecordAsync(harness, group, "traff-1",
        [
            Present(1),                                          // fine
            new(P(3), AttendanceStatus.Present, 0),              // wait-listed: not booked at the träff
            new(P(9), AttendanceStatus.Present, 0),              // never booked
            new(P(1), AttendanceStatus.Present, 0),              // twice in the request
            new(P(2), null, 0),                                  // no status
            new("nope", AttendanceStatus.Present, -1),           // malformed id, negative hours
            new(P(2), AttendanceStatus.Present, 2.5),            // longer than the träff (2 h): also a duplicate of [4]
        ]));

        Assert.Equal(
            [
                "entries[1].participant_id", "entries[2].participant_id", "entries[3].participant_id", "entries[4].status",
                "entries[5].hours", "entries[5].participant_id", "entries[6].hours", "entries[6].participant_id",
            ],
            ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Contains("inte bokad på träff 1", ex.Violations.First(v => v.Field == "entries[1].participant_id").Description);
        Assert.Contains("redan tidigare", ex.Violations.Single(v => v.Field == "entries[3].participant_id").Description);
        Assert.Contains("2 timmar", ex.Violations.Single(v => v.Field == "entries[6].hours").Description);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Theory]
    [InlineData(AttendanceStatus.ExcusedAbsence, 1.0)]
    [InlineData(AttendanceStatus.UnexcusedAbsence, 0.5)]
    public async Task An_absence_has_no_hours(AttendanceStatus status, double hours)
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(1).AddAsync(harness);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => RecordAsync(harness, group, "traff-1", [new(P(1), status, hours)]));

        Assert.Equal("entries[0].hours", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task The_whole_length_is_allowed_and_an_empty_request_is_refused()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(1).AddAsync(harness);

        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => RecordAsync(harness, group, "traff-1", []));
        Assert.Equal("entries", Assert.Single(empty.Violations).Field);

        Assert.Equal(2.0, (await RecordAsync(harness, group, "traff-1", [Present(1, 2.0)])).Traff.Attendance[0].Hours);
    }

    [Fact]
    public async Task A_late_joiner_is_booked_at_the_traffar_from_the_one_they_joined_at()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().RegisteredAfterwards().LateJoinUntil(3).Booked(1).AllPresentThrough(1).AddAsync(harness);
        await harness.Get<BookParticipantHandler>().HandleAsync(LeaderCaller, new BookParticipantCommand(group.Id, null, P(2)), Ct);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => RecordAsync(harness, group, "traff-1", [Present(2)]));
        Assert.Equal("entries[0].participant_id", Assert.Single(ex.Violations).Field);

        await RecordAsync(harness, group, "traff-2", [Present(1), Present(2)]);
    }

    [Fact]
    public async Task A_participant_cancelled_after_the_traff_can_still_be_recorded_there_but_not_at_later_ones()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(2).AllPresentThrough(1).AddAsync(harness);
        // Cancelled on 2 March (the harness' today): träff 2 (19 February) was before, träff 5 (2 March) is that day.
        await harness.Get<CancelBookingHandler>().HandleAsync(
            LeaderCaller, new CancelBookingCommand(group.Id, group.Bookings.Single(b => b.ParticipantId == P(2)).Id, "sjukdom"), Ct);

        await RecordAsync(harness, group, "traff-2", [Present(1), new(P(2), AttendanceStatus.ExcusedAbsence, 0)]);
        await RecordAsync(harness, group, "traff-5", [Present(1), Present(2)]);
        harness.Clock.Now = ActivitiesHarness.DefaultNow.AddDays(3);
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => RecordAsync(harness, group, "traff-6", [Present(2)]));

        Assert.Equal("entries[0].participant_id", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Only_the_groups_own_leaders_record_attendance()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(1).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        foreach (var (caller, reason) in new[]
        {
            (OtherLeader, ActivitiesAccess.ReasonNotGroupLeader),
            (Samordnare, ActivitiesAccess.ReasonRoleNotAllowed),
            (Administrator, ActivitiesAccess.ReasonRoleNotAllowed),
            (Insatsansvarig, ActivitiesAccess.ReasonRoleNotAllowed),
        })
        {
            var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => RecordAsync(harness, group, "traff-1", [Present(1)], caller));
            Assert.Equal(reason, ex.Reason);
        }

        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task A_completed_groups_attendance_is_settled()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Status(GroupStatus.Completed).Booked(2).Attendance(1, (P(1), AttendanceStatus.Present)).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => RecordAsync(harness, group, "traff-1", [Present(2)]));

        Assert.Equal(RecordAttendanceHandler.ReasonGroupCompleted, ex.Reason);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Theory]
    [InlineData(2, "Gruppen är inte startad: starta den först. Den har 2 bokade och Mitt Val kräver minst 8: starta den med override_min_participants och ett skäl.")]
    [InlineData(8, "Gruppen är inte startad: starta den först.")]
    public async Task A_group_not_yet_started_takes_no_attendance_and_is_told_how_to_start(int booked, string message)
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Status(GroupStatus.Scheduled).Booked(booked).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => RecordAsync(harness, group, "traff-1", [Present(1)]));

        Assert.Equal((AttendanceRefusals.ReasonGroupNotStarted, message), (ex.Reason, ex.Message));
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task A_cancelled_group_takes_no_attendance()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Status(GroupStatus.Cancelled).Booked(1).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => RecordAsync(harness, group, "traff-1", [Present(1)]));

        Assert.Equal(GroupRefusals.ReasonGroupEnded, ex.Reason);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task Two_leaders_recording_different_participants_at_once_both_keep_theirs()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(2).AddAsync(harness);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recordings = new[] { 1, 2 }.Select(n => Task.Run(async () =>
        {
            await start.Task;
            return await harness.GetInNewScope<RecordAttendanceHandler>().HandleAsync(
                LeaderCaller, new RecordAttendanceCommand(group.Id, "traff-1", [Present(n)]), Ct);
        })).ToList();
        start.SetResult();
        await Task.WhenAll(recordings);

        var stored = (await StoredAsync(harness, group.Id)).FindTraff("traff-1")!;
        Assert.Equal([P(1), P(2)], stored.Attendance.Select(a => a.ParticipantId).Order());
        Assert.Single((await EventsAsync(harness)).OfType<TraffHeld>());
    }
}
