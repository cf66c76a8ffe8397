using Finsam.Activities.Application.Bookings;
using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using static Finsam.UnitTests.Activities.Bookings.TestGroup;

namespace Finsam.UnitTests.Activities.Bookings;

public sealed class RosterTests
{
    private static Task<RosterView> RosterAsync(ActivitiesHarness harness, Group group, Caller? caller = null) =>
        harness.Get<GetRosterHandler>().HandleAsync(caller ?? LeaderCaller, group.Id, Ct);

    [Fact]
    public async Task The_roster_shows_the_booked_with_their_attendance_so_far_then_the_waiting_list_in_order()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().RegisteredAfterwards().Max(3).LateJoinUntil(3).Booked(P(1), P(2))
            .Attendance(1, (P(1), AttendanceStatus.Present), (P(2), AttendanceStatus.ExcusedAbsence))
            .Attendance(2, (P(1), AttendanceStatus.UnexcusedAbsence), (P(2), AttendanceStatus.Present))
            .AddAsync(harness);
        var book = harness.Get<BookParticipantHandler>();
        await book.HandleAsync(LeaderCaller, new BookParticipantCommand(group.Id, null, P(3)), Ct);
        await book.HandleAsync(LeaderCaller, new BookParticipantCommand(group.Id, null, P(4)), Ct);
        await book.HandleAsync(LeaderCaller, new BookParticipantCommand(group.Id, null, P(5)), Ct);

        var roster = await RosterAsync(harness, group);

        Assert.Equal(2, roster.TraffarHeld);
        Assert.Equal(
            [(P(1), 1, 2, 1, 0, 1, 50.0, 2.0), (P(2), 1, 2, 1, 1, 0, 50.0, 2.0), (P(3), 3, 0, 0, 0, 0, 0.0, 0.0)],
            roster.Booked.Select(t => (t.Booking.ParticipantId, t.Booking.JoinedAtTraff, t.TraffarHeldWhileBooked, t.Present, t.ExcusedAbsence, t.UnexcusedAbsence, t.AttendancePercent, t.HoursPresent)));
        Assert.Equal([P(4), P(5)], roster.Waitlist.Select(b => b.ParticipantId));
        Assert.Equal([1, 2], roster.Waitlist.Select(roster.Group.WaitlistPosition));
    }

    [Fact]
    public async Task Cancelled_bookings_are_not_on_the_roster()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(P(1), P(2)).AddAsync(harness);
        await harness.Get<CancelBookingHandler>().HandleAsync(
            LeaderCaller, new CancelBookingCommand(group.Id, group.Bookings[0].Id, "sjukdom"), Ct);

        var roster = await RosterAsync(harness, group);

        Assert.Equal([P(2)], roster.Booked.Select(t => t.Booking.ParticipantId));
        Assert.Empty(roster.Waitlist);
    }

    [Fact]
    public async Task Leaders_insats_staff_and_the_administrator_read_it_and_nobody_else()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(1).AddAsync(harness);

        foreach (var reader in new[] { LeaderCaller, Samordnare, Deltagaransvarig, Administrator })
        {
            Assert.Single((await RosterAsync(harness, group, reader)).Booked);
        }

        foreach (var other in new[] { OtherLeader, OtherInsatsSamordnare, Insatsansvarig, Analytiker })
        {
            await Assert.ThrowsAsync<PermissionDeniedException>(() => RosterAsync(harness, group, other));
        }
    }
}
