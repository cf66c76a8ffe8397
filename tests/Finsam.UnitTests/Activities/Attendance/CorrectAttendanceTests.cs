using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Attendance;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.UnitTests.Activities.Bookings;
using static Finsam.UnitTests.Activities.Bookings.TestGroup;

namespace Finsam.UnitTests.Activities.Attendance;

public sealed class CorrectAttendanceTests
{
    private static readonly DateTime Now = ActivitiesHarness.DefaultNow.UtcDateTime;

    private static Task<TraffAttendanceView> CorrectAsync(
        ActivitiesHarness harness,
        Group group,
        AttendanceStatus? status,
        double hours = 0,
        string? reason = "Kom efter rasten, missades vid uppropet.",
        string? etag = null,
        string traffId = "traff-1",
        string? participantId = null,
        Caller? caller = null) =>
        harness.Get<CorrectAttendanceHandler>().HandleAsync(
            caller ?? LeaderCaller,
            new CorrectAttendanceCommand(group.Id, traffId, participantId ?? P(1), status, hours, reason, etag ?? group.Version.ToString()),
            Ct);

    private static Task<Group> RecordedGroupAsync(ActivitiesHarness harness) =>
        new TestGroup().Booked(2).Attendance(1, (P(1), AttendanceStatus.UnexcusedAbsence), (P(2), AttendanceStatus.Present)).AddAsync(harness);

    [Fact]
    public async Task A_correction_keeps_the_earlier_value_who_when_and_why_and_publishes_AttendanceCorrected()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await RecordedGroupAsync(harness);

        var view = await CorrectAsync(harness, group, AttendanceStatus.Present, 1.5);

        Assert.Equal(group.Version + 1, view.Group.Version);
        var record = (await StoredAsync(harness, group.Id)).FindTraff("traff-1")!.RecordOf(P(1))!;
        Assert.Equal((AttendanceStatus.Present, 1.5), (record.Status, record.Hours));
        Assert.Equal(
            new AttendanceCorrection(AttendanceStatus.UnexcusedAbsence, 0, Leader, Now, "Kom efter rasten, missades vid uppropet."),
            Assert.Single(record.Corrections));
        Assert.Equal(
            new AttendanceCorrected(group.Id, InsatsId, "traff-1", P(1), "present", 1.5, Now),
            Assert.Single(await EventsAsync(harness)));
    }

    [Fact]
    public async Task A_second_correction_keeps_both_earlier_values_in_order()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await RecordedGroupAsync(harness);
        var first = await CorrectAsync(harness, group, AttendanceStatus.Present);

        await CorrectAsync(harness, first.Group, AttendanceStatus.ExcusedAbsence, reason: "Fel person.");

        var record = (await StoredAsync(harness, group.Id)).FindTraff("traff-1")!.RecordOf(P(1))!;
        Assert.Equal(
            [(AttendanceStatus.UnexcusedAbsence, 0.0), (AttendanceStatus.Present, 2.0)],
            record.Corrections.Select(c => (c.PreviousStatus, c.PreviousHours)));
        Assert.Equal(AttendanceStatus.ExcusedAbsence, record.Status);
    }

    [Fact]
    public async Task A_stale_etag_is_ABORTED_and_nothing_is_written()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await RecordedGroupAsync(harness);
        var staleEtag = group.Version.ToString();
        await CorrectAsync(harness, group, AttendanceStatus.Present);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            CorrectAsync(harness, group, AttendanceStatus.ExcusedAbsence, participantId: P(2), etag: staleEtag));

        Assert.Equal(GroupUpdates.ReasonConflict, ex.Reason);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task Etag_status_hours_and_reason_are_checked_together()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await RecordedGroupAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => CorrectAsync(harness, group, null, -1, reason: " ", etag: "x"));

        Assert.Equal(["etag", "hours", "reason", "status"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task Hours_beyond_the_traff_and_a_reason_over_500_characters_are_refused()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await RecordedGroupAsync(harness);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => CorrectAsync(harness, group, AttendanceStatus.Present, 3, new string('x', 501)));

        Assert.Equal(["hours", "reason"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_correction_that_changes_nothing_is_refused()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await RecordedGroupAsync(harness);

        // P2 was recorded present for the whole träff; PRESENT with 0 hours means exactly that.
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => CorrectAsync(harness, group, AttendanceStatus.Present, participantId: P(2)));

        Assert.Equal("status", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Only_recorded_attendance_at_one_of_the_groups_traffar_is_corrected()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await RecordedGroupAsync(harness);

        var unknownTraff = await Assert.ThrowsAsync<ValidationFailedException>(() => CorrectAsync(harness, group, AttendanceStatus.Present, traffId: "traff-99"));
        var notRecorded = await Assert.ThrowsAsync<ValidationFailedException>(() => CorrectAsync(harness, group, AttendanceStatus.Present, traffId: "traff-2"));
        var nobody = await Assert.ThrowsAsync<ValidationFailedException>(() => CorrectAsync(harness, group, AttendanceStatus.Present, participantId: P(7)));

        Assert.Equal("traff_id", Assert.Single(unknownTraff.Violations).Field);
        Assert.Equal("participant_id", Assert.Single(notRecorded.Violations).Field);
        Assert.Contains("registrera den i stället", Assert.Single(nobody.Violations).Description);
    }

    [Fact]
    public async Task Only_the_groups_own_leaders_correct_and_not_once_the_group_has_completed()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await RecordedGroupAsync(harness);
        var completed = await new TestGroup().Status(GroupStatus.Completed).Booked(1).Attendance(1, (P(1), AttendanceStatus.Present)).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => CorrectAsync(harness, group, AttendanceStatus.Present, caller: Samordnare));
        var settled = await Assert.ThrowsAsync<PreconditionFailedException>(() => CorrectAsync(harness, completed, AttendanceStatus.ExcusedAbsence));

        Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, denied.Reason);
        Assert.Equal(RecordAttendanceHandler.ReasonGroupCompleted, settled.Reason);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task A_group_not_yet_started_has_no_attendance_to_correct()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        // Attendance stored while the group was scheduled (as a group could before starting was required).
        var group = await new TestGroup().Status(GroupStatus.Scheduled).Booked(1).Attendance(1, (P(1), AttendanceStatus.UnexcusedAbsence)).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => CorrectAsync(harness, group, AttendanceStatus.Present));

        Assert.Equal(AttendanceRefusals.ReasonGroupNotStarted, ex.Reason);
        Assert.Contains("starta den först", ex.Message);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task The_recorded_and_corrected_attendance_reads_back_with_the_groups_etag()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await RecordedGroupAsync(harness);
        await CorrectAsync(harness, group, AttendanceStatus.Present);
        var queries = harness.Get<AttendanceQueries>();

        var view = await queries.GetTraffAttendanceAsync(Samordnare, group.Id, "traff-1", Ct);

        Assert.Equal(group.Version + 1, view.Group.Version);
        Assert.Equal([1, 0], view.Traff.Attendance.Select(a => a.Corrections.Count));
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => queries.GetTraffAttendanceAsync(LeaderCaller, group.Id, "traff-99", Ct));
        Assert.Equal(AttendanceQueries.ReasonTraffNotFound, missing.Reason);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.GetTraffAttendanceAsync(Insatsansvarig, group.Id, "traff-1", Ct));
    }
}
