using Finsam.Activities.Application.Attendance;
using Finsam.Activities.Application.Bookings;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;
using static Finsam.UnitTests.Activities.Bookings.TestGroup;

namespace Finsam.UnitTests.Activities.Bookings;

/// <summary>
/// A booking's join point and the late-join cut-off are träffar, not numbers: adding (or moving) a träff renumbers
/// the träffar, and neither may then point at another träff than before.
/// </summary>
public sealed class TraffAnchorTests
{
    private static async Task<AttendanceSummaryView> SummaryAsync(ActivitiesHarness harness, Group group) =>
        await harness.Get<AttendanceQueries>().GetSummaryAsync(LeaderCaller, group.Id, Ct);

    private static Task<BookingView> BookAsync(ActivitiesHarness harness, Group group, string participantId) =>
        harness.Get<BookParticipantHandler>().HandleAsync(LeaderCaller, new BookParticipantCommand(group.Id, null, participantId), Ct);

    [Fact]
    public async Task A_traff_added_before_a_late_joiners_join_point_changes_nothing_that_is_counted_or_allowed()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        // Träffar 1–4 (16–26 February) held; today is träff 5's day (2 March); late joining is open until träff 6.
        var group = await new TestGroup().LateJoinUntil(6).Booked(2).AllPresentThrough(4).AddAsync(harness);
        var late = await BookAsync(harness, group, P(3));
        Assert.Equal(("traff-5", 5), (late.Booking.JoinedAtTraffId, late.Booking.JoinedAtTraff));
        await harness.Get<RecordAttendanceHandler>().HandleAsync(
            LeaderCaller,
            new RecordAttendanceCommand(group.Id, "traff-5", [new(P(1), AttendanceStatus.Present, 0), new(P(2), AttendanceStatus.Present, 0), new(P(3), AttendanceStatus.Present, 0)]),
            Ct);
        var summaryBefore = await SummaryAsync(harness, group);
        var current = await StoredAsync(harness, group.Id);

        // A make-up träff on Friday 20 February, between träff 2 and 3: old träff 3–8 become 4–9.
        await harness.Get<TraffChangeHandlers>().AddAsync(
            LeaderCaller,
            new AddTraffCommand(group.Id, Etags.Of(current.Version), new DateOnly(2026, 2, 20), "13:00", 120, "", "Igentagning av träff 2"),
            Ct);

        var stored = await StoredAsync(harness, group.Id);
        Assert.Equal(5, stored.FindTraff("traff-4")!.Number);
        var booking = stored.FindBooking(late.Booking.Id)!;
        Assert.Equal(("traff-5", 6), (booking.JoinedAtTraffId, booking.JoinedAtTraff));

        var summaryAfter = await SummaryAsync(harness, group);
        Assert.Equal(
            summaryBefore.Traffar.Select(t => (t.Traff.Id, t.Expected, t.Present)),
            summaryAfter.Traffar.Select(t => (t.Traff.Id, t.Expected, t.Present)));
        Assert.Equal(
            summaryBefore.Participants.Select(p => (p.Booking.ParticipantId, p.TraffarHeldWhileBooked, p.Present)),
            summaryAfter.Participants.Select(p => (p.Booking.ParticipantId, p.TraffarHeldWhileBooked, p.Present)));
        Assert.Equal((1, 1), summaryAfter.Participants.Where(p => p.Booking.ParticipantId == P(3)).Select(p => (p.TraffarHeldWhileBooked, p.Present)).Single());

        // The late joiner was not booked at old träff 4 (now number 5), however it is numbered.
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => harness.Get<RecordAttendanceHandler>().HandleAsync(
            LeaderCaller, new RecordAttendanceCommand(group.Id, "traff-4", [new(P(3), AttendanceStatus.Present, 0)]), Ct));
        Assert.Equal("entries[0].participant_id", Assert.Single(refused.Violations).Field);

        // The cut-off is still old träff 6 (now number 7): not yet held, so a late joiner is still let in, from it.
        Assert.Equal(("traff-6", 7), (stored.LateJoinUntilTraffId, stored.LateJoinUntilTraff));
        var later = await BookAsync(harness, group, P(4));
        Assert.Equal(("traff-6", 7), (later.Booking.JoinedAtTraffId, later.Booking.JoinedAtTraff));
    }

    [Fact]
    public async Task A_traff_moved_before_the_cut_off_does_not_move_the_cut_off()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        // Late joining until träff 2 (19 February); only träff 1 is held.
        var group = await new TestGroup().LateJoinUntil(2).Booked(2).AllPresentThrough(1).Dates(
            new(2026, 2, 16), new(2026, 2, 19), new(2026, 2, 23), new(2026, 3, 9), new(2026, 3, 12)).AddAsync(harness);
        var current = await StoredAsync(harness, group.Id);

        // Träff 4 moves to 17 February, before the cut-off: the cut-off becomes number 3 and stays the same träff.
        await harness.Get<TraffChangeHandlers>().MoveAsync(
            LeaderCaller, new MoveTraffCommand(group.Id, "traff-4", Etags.Of(current.Version), new DateOnly(2026, 2, 17), "", "Lokalen var upptagen"), Ct);

        var stored = await StoredAsync(harness, group.Id);
        Assert.Equal(("traff-2", 3), (stored.LateJoinUntilTraffId, stored.LateJoinUntilTraff));
        Assert.Equal(3, stored.FindTraff("traff-2")!.Number);
    }
}
