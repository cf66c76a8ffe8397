using Finsam.Activities.Application.Attendance;
using Finsam.Activities.Application.Bookings;
using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;
using Finsam.UnitTests.Activities.Bookings;
using static Finsam.UnitTests.Activities.Bookings.TestGroup;

namespace Finsam.UnitTests.Activities.Attendance;

public sealed class AttendanceSummaryTests
{
    private static AttendanceEntryInput E(int n, AttendanceStatus status) => new(P(n), status, 0);

    [Fact]
    public async Task Rates_count_held_traffar_while_booked_late_joiners_from_their_traff_and_the_cancelled_where_they_were_booked()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().RegisteredAfterwards().LateJoinUntil(3).Booked(3)
            .Attendance(1, (P(1), AttendanceStatus.Present), (P(2), AttendanceStatus.Present), (P(3), AttendanceStatus.Present))
            .Attendance(2, (P(1), AttendanceStatus.Present), (P(2), AttendanceStatus.Present), (P(3), AttendanceStatus.UnexcusedAbsence))
            .AddAsync(harness);
        await harness.Get<BookParticipantHandler>().HandleAsync(LeaderCaller, new BookParticipantCommand(group.Id, null, P(4)), Ct);
        await harness.Get<CancelBookingHandler>().HandleAsync(
            LeaderCaller, new CancelBookingCommand(group.Id, group.Bookings.Single(b => b.ParticipantId == P(3)).Id, "deltagaren-avbokade"), Ct);
        var record = harness.Get<RecordAttendanceHandler>();
        await record.HandleAsync(LeaderCaller, new RecordAttendanceCommand(group.Id, "traff-3",
            [E(1, AttendanceStatus.Present), E(2, AttendanceStatus.ExcusedAbsence), E(3, AttendanceStatus.Present), E(4, AttendanceStatus.Present)]), Ct);
        await record.HandleAsync(LeaderCaller, new RecordAttendanceCommand(group.Id, "traff-4",
            [E(1, AttendanceStatus.UnexcusedAbsence), E(2, AttendanceStatus.UnexcusedAbsence), E(4, AttendanceStatus.Present)]), Ct);

        var summary = await harness.Get<AttendanceQueries>().GetSummaryAsync(Samordnare, group.Id, Ct);

        // Träff 3 and 4 count for the late joiner P4. P3 cancelled and counts only where recorded (1–3), not at 4,
        // although träff 4's day lies before the cancellation: groups are often registered afterwards.
        Assert.Equal(
            [(1, 3, 3, 100.0), (2, 3, 2, 200.0 / 3), (3, 4, 3, 75.0), (4, 3, 1, 100.0 / 3)],
            summary.Traffar.Select(t => (t.Traff.Number, t.Expected, t.Present, t.AttendancePercent)));
        Assert.Equal(
            [(P(1), 4, 3, 75.0, true), (P(2), 4, 2, 50.0, false), (P(4), 2, 2, 100.0, true)],
            summary.Participants.Select(p => (p.Booking.ParticipantId, p.TraffarHeldWhileBooked, p.Present, p.AttendancePercent, p.Completed(75))));
        Assert.Equal(2, summary.Completed);
        Assert.Equal(9 * 100.0 / 13, summary.OverallAttendancePercent);
    }

    [Fact]
    public async Task A_booking_cancelled_before_a_course_registered_afterwards_counts_nowhere()
    {
        // The course ran in February; it is registered on 2 March: three were booked, one had cancelled before the
        // start. Every träff's day lies before the cancellation, yet the cancelled one was never there.
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Dates(new(2026, 2, 16), new(2026, 2, 19)).Booked(3).AddAsync(harness);
        await harness.Get<CancelBookingHandler>().HandleAsync(
            LeaderCaller, new CancelBookingCommand(group.Id, group.Bookings.Single(b => b.ParticipantId == P(3)).Id, "deltagaren-avbokade"), Ct);
        var record = harness.Get<RecordAttendanceHandler>();
        foreach (var traff in new[] { "traff-1", "traff-2" })
        {
            await record.HandleAsync(LeaderCaller, new RecordAttendanceCommand(group.Id, traff, [E(1, AttendanceStatus.Present), E(2, AttendanceStatus.Present)]), Ct);
        }

        var summary = await harness.Get<AttendanceQueries>().GetSummaryAsync(LeaderCaller, group.Id, Ct);

        Assert.Equal([(2, 2), (2, 2)], summary.Traffar.Select(t => (t.Expected, t.Present)));
        Assert.Equal(100.0, summary.OverallAttendancePercent);
    }

    [Fact]
    public async Task Before_any_traff_is_held_every_rate_is_zero_and_nobody_has_completed()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(2).AddAsync(harness);

        var summary = await harness.Get<AttendanceQueries>().GetSummaryAsync(LeaderCaller, group.Id, Ct);

        Assert.Empty(summary.Traffar);
        Assert.All(summary.Participants, p => Assert.Equal((0, 0.0, false), (p.TraffarHeldWhileBooked, p.AttendancePercent, p.Completed(75))));
        Assert.Equal((0, 0.0), (summary.Completed, summary.OverallAttendancePercent));
    }

    [Theory]
    [InlineData(6, 8, 75, true)]
    [InlineData(5, 8, 75, false)]
    [InlineData(2, 3, 67, false)]
    [InlineData(2, 3, 66, true)]
    [InlineData(0, 0, 0, false)]
    public void Completion_compares_whole_numbers_so_the_boundary_is_exact(int present, int held, int minPercent, bool completed)
    {
        var booking = new Booking { Id = "b", ParticipantId = P(1), RequestId = "", BookedBy = Leader, Status = BookingStatus.Booked, JoinedAtTraff = 1 };

        Assert.Equal(completed, new ParticipantTally(booking, held, present, 0, 0, 0).Completed(minPercent));
    }

    [Fact]
    public async Task The_summary_is_for_those_who_may_read_the_roster()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(1).AddAsync(harness);
        var queries = harness.Get<AttendanceQueries>();

        await queries.GetSummaryAsync(Administrator, group.Id, Ct);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.GetSummaryAsync(Insatsansvarig, group.Id, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.GetSummaryAsync(OtherLeader, group.Id, Ct));
    }
}
