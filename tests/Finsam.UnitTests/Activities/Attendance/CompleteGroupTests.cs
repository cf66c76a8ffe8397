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

public sealed class CompleteGroupTests
{
    private static readonly DateTime Now = ActivitiesHarness.DefaultNow.UtcDateTime;

    private static Task<Group> CompleteAsync(ActivitiesHarness harness, Group group, Caller? caller = null, string? etag = null) =>
        harness.Get<CompleteGroupHandler>().HandleAsync(caller ?? LeaderCaller, new CompleteGroupCommand(group.Id, etag ?? group.Version.ToString()), Ct);

    /// <summary>
    /// Eight träffar all held. P1 present at 6 of 8 (75 %: completed), P2 at 5 of 8 (not), late joiner P4 from
    /// träff 5 at 3 of 4 (completed), P3 cancelled before the end.
    /// </summary>
    private static TestGroup RunGroup(GroupStatus status = GroupStatus.Started)
    {
        var group = new TestGroup().Status(status).Booked(P(1), P(2), P(3)).LateJoiner(P(4), 5);
        for (var n = 1; n <= 8; n++)
        {
            var entries = new List<(string, AttendanceStatus)>
            {
                (P(1), n <= 6 ? AttendanceStatus.Present : AttendanceStatus.ExcusedAbsence),
                (P(2), n <= 5 ? AttendanceStatus.Present : AttendanceStatus.UnexcusedAbsence),
            };
            if (n >= 5)
            {
                entries.Add((P(4), n == 5 ? AttendanceStatus.UnexcusedAbsence : AttendanceStatus.Present));
            }

            group.Attendance(n, [.. entries]);
        }

        return group;
    }

    /// <summary>P3, never recorded, leaves the group: otherwise the group can't complete with P3's attendance missing.</summary>
    private static async Task<Group> CancelP3Async(ActivitiesHarness harness, Group group)
    {
        await harness.Get<CancelBookingHandler>().HandleAsync(
            LeaderCaller, new CancelBookingCommand(group.Id, group.Bookings.Single(b => b.ParticipantId == P(3)).Id, "sjukdom"), Ct);
        return await StoredAsync(harness, group.Id);
    }

    [Fact]
    public async Task Completing_settles_who_completed_and_publishes_GroupCompleted()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await RunGroup().AddAsync(harness);
        await harness.Get<CancelBookingHandler>().HandleAsync(
            LeaderCaller, new CancelBookingCommand(group.Id, group.Bookings.Single(b => b.ParticipantId == P(3)).Id, "sjukdom"), Ct);
        var current = await StoredAsync(harness, group.Id);

        var completed = await CompleteAsync(harness, current);

        Assert.Equal(GroupStatus.Completed, completed.Status);
        var stored = await StoredAsync(harness, group.Id);
        Assert.Equal((GroupStatus.Completed, current.Version + 1), (stored.Status, stored.Version));
        var published = Assert.IsType<GroupCompleted>((await EventsAsync(harness)).Last());
        Assert.Equal((group.Id, InsatsId, 8, 75, Now), (published.GroupId, published.InsatsId, published.TraffarHeld, published.CompletionMinAttendancePercent, published.OccurredAt));
        Assert.Equal(
            [
                new GroupParticipantOutcome(P(1), 1, 8, 6, true),
                new GroupParticipantOutcome(P(2), 1, 8, 5, false),
                new GroupParticipantOutcome(P(4), 5, 4, 3, true),
            ],
            published.Participants);
    }

    [Fact]
    public async Task Cancelled_traffar_are_not_waited_for_and_not_counted()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(1).AllPresentThrough(7).CancelledTraff(8).AddAsync(harness);

        await CompleteAsync(harness, group);

        var published = Assert.IsType<GroupCompleted>(Assert.Single(await EventsAsync(harness)));
        Assert.Equal(7, published.TraffarHeld);
        Assert.Equal(new GroupParticipantOutcome(P(1), 1, 7, 7, true), Assert.Single(published.Participants));
    }

    [Fact]
    public async Task A_group_with_traffar_without_attendance_is_refused_naming_them_and_nothing_is_written()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(2).AllPresentThrough(5).CancelledTraff(7).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => CompleteAsync(harness, group));

        Assert.Equal(CompleteGroupHandler.ReasonAttendanceMissing, ex.Reason);
        Assert.StartsWith("Närvaro saknas för träff 6, 8.", ex.Message);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task A_held_traff_lacking_a_record_for_someone_it_counts_for_is_refused_naming_traff_and_count()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        // Every träff held, but nobody recorded P2 at träff 3, nor P1 and the late joiner P4 at träff 6.
        var builder = new TestGroup().Booked(P(1), P(2)).LateJoiner(P(4), 5);
        for (var n = 1; n <= 8; n++)
        {
            var entries = new List<(string, AttendanceStatus)>();
            if (n != 6)
            {
                entries.Add((P(1), AttendanceStatus.Present));
            }

            if (n != 3)
            {
                entries.Add((P(2), AttendanceStatus.Present));
            }

            if (n >= 5 && n != 6)
            {
                entries.Add((P(4), AttendanceStatus.Present));
            }

            builder.Attendance(n, [.. entries]);
        }

        var group = await builder.AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => CompleteAsync(harness, group));

        Assert.Equal(CompleteGroupHandler.ReasonAttendanceMissing, ex.Reason);
        Assert.StartsWith("Närvaro saknas för 1 deltagare på träff 3, 2 deltagare på träff 6.", ex.Message);
        await AssertUnchangedAsync(harness, group.Id, before);

        // Recorded, an absence included, the group completes with them counted.
        harness.Clock.Now = ActivitiesHarness.DefaultNow.AddDays(14);
        var record = harness.Get<RecordAttendanceHandler>();
        await record.HandleAsync(LeaderCaller, new RecordAttendanceCommand(group.Id, "traff-3", [new(P(2), AttendanceStatus.ExcusedAbsence, 0)]), Ct);
        await record.HandleAsync(LeaderCaller, new RecordAttendanceCommand(
            group.Id, "traff-6", [new(P(1), AttendanceStatus.Present, 0), new(P(4), AttendanceStatus.UnexcusedAbsence, 0)]), Ct);
        await CompleteAsync(harness, await StoredAsync(harness, group.Id));

        Assert.Equal(
            [new GroupParticipantOutcome(P(1), 1, 8, 8, true), new GroupParticipantOutcome(P(2), 1, 8, 7, true), new GroupParticipantOutcome(P(4), 5, 4, 3, true)],
            Assert.IsType<GroupCompleted>((await EventsAsync(harness)).Last()).Participants);
    }

    [Theory]
    [InlineData(GroupStatus.Scheduled, AttendanceRefusals.ReasonGroupNotStarted, "inte startad: starta den först. Den har 4 bokade och Mitt Val kräver minst 8")]
    [InlineData(GroupStatus.Completed, CompleteGroupHandler.ReasonGroupNotRunning, "redan avslutad")]
    [InlineData(GroupStatus.Cancelled, CompleteGroupHandler.ReasonGroupNotRunning, "inställd")]
    public async Task Only_a_started_group_completes(GroupStatus status, string reason, string message)
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        // A scheduled group with every träff recorded: still not completed, since it never passed the start's checks.
        var group = await RunGroup(status).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => CompleteAsync(harness, group));

        Assert.Equal(reason, ex.Reason);
        Assert.Contains(message, ex.Message);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task A_stale_etag_is_ABORTED_and_a_missing_one_names_etag()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await RunGroup().AddAsync(harness);
        var stale = group.Version.ToString();
        await harness.Get<CancelBookingHandler>().HandleAsync(
            LeaderCaller, new CancelBookingCommand(group.Id, group.Bookings[2].Id, "sjukdom"), Ct);
        var before = await SnapshotAsync(harness, group.Id);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => CompleteAsync(harness, group, etag: stale));
        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => CompleteAsync(harness, group, etag: ""));

        Assert.Equal(GroupUpdates.ReasonConflict, conflict.Reason);
        Assert.Equal("etag", Assert.Single(missing.Violations).Field);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task The_administrator_and_the_insats_insatsansvarig_may_complete_too()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var first = await CancelP3Async(harness, await RunGroup().AddAsync(harness));
        var second = await CancelP3Async(harness, await RunGroup().AddAsync(harness));

        Assert.Equal(GroupStatus.Completed, (await CompleteAsync(harness, first, Administrator)).Status);
        Assert.Equal(GroupStatus.Completed, (await CompleteAsync(harness, second, Insatsansvarig)).Status);
    }

    [Fact]
    public async Task Anyone_else_is_refused_and_nothing_is_written()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await RunGroup().AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);
        var otherInsatsansvarig = ActivitiesHarness.As(Roles.Insatsansvarig, "ia-2", null, "another-insats");

        Assert.Equal(ActivitiesAccess.ReasonNotGroupLeader, (await Assert.ThrowsAsync<PermissionDeniedException>(() => CompleteAsync(harness, group, OtherLeader))).Reason);
        Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, (await Assert.ThrowsAsync<PermissionDeniedException>(() => CompleteAsync(harness, group, Samordnare))).Reason);
        Assert.Equal(ActivitiesAccess.ReasonNotOwnInsats, (await Assert.ThrowsAsync<PermissionDeniedException>(() => CompleteAsync(harness, group, otherInsatsansvarig))).Reason);
        await AssertUnchangedAsync(harness, group.Id, before);
    }
}
