using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Bookings;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using static Finsam.UnitTests.Activities.Bookings.TestGroup;

namespace Finsam.UnitTests.Activities.Bookings;

public sealed class CancelBookingTests
{
    private static readonly DateTime Now = ActivitiesHarness.DefaultNow.UtcDateTime;

    private static Task<BookingView> CancelAsync(
        ActivitiesHarness harness, Group group, string bookingId, string reason = "deltagaren-avbokade", Caller? caller = null) =>
        harness.Get<CancelBookingHandler>().HandleAsync(caller ?? LeaderCaller, new CancelBookingCommand(group.Id, bookingId, reason), Ct);

    private static string BookingOf(Group group, string participantId) => group.Bookings.Single(b => b.ParticipantId == participantId).Id;

    [Fact]
    public async Task A_freed_place_goes_to_the_first_in_line_in_the_same_write()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().Max(2).Booked(P(1), P(2)).Waitlisted(P(3), P(4), P(5)).AddAsync(harness);

        var view = await CancelAsync(harness, group, BookingOf(group, P(1)), "sjukdom");

        Assert.Equal(BookingStatus.Cancelled, view.Booking.Status);
        Assert.Equal(0, view.WaitlistPosition);
        var stored = await StoredAsync(harness, group.Id);
        Assert.Equal(group.Version + 1, stored.Version);
        var cancelled = stored.FindBooking(BookingOf(group, P(1)))!;
        Assert.Equal(("sjukdom", Leader, Now, false), (cancelled.CancelReason, cancelled.CancelledBy, cancelled.CancelledAt, cancelled.CancelledFromWaitlist));
        Assert.Equal([P(2), P(3)], stored.BookedInOrder().Select(b => b.ParticipantId));
        var promoted = stored.FindBooking(BookingOf(group, P(3)))!;
        Assert.Equal((Now, 1), (promoted.PromotedAt, promoted.JoinedAtTraff));
        Assert.Equal([P(4), P(5)], stored.Waitlist.Select(b => b.ParticipantId));
        Assert.Equal([1, 2], stored.Waitlist.Select(stored.WaitlistPosition));
        Assert.Equal(
            [
                new BookingCancelled(cancelled.Id, group.Id, InsatsId, P(1), "sjukdom", false, Now),
                new BookingPromoted(promoted.Id, group.Id, InsatsId, P(3), 1, Now),
            ],
            await EventsAsync(harness));
    }

    [Fact]
    public async Task A_promotion_after_traffar_were_held_joins_at_the_next_traff()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().RegisteredAfterwards().Max(1).LateJoinUntil(4).Booked(P(1)).Waitlisted(P(2)).AllPresentThrough(2).AddAsync(harness);

        await CancelAsync(harness, group, BookingOf(group, P(1)));

        var promoted = (await StoredAsync(harness, group.Id)).FindBooking(BookingOf(group, P(2)))!;
        Assert.Equal((BookingStatus.Booked, 3), (promoted.Status, promoted.JoinedAtTraff));
        Assert.Equal(3, Assert.IsType<BookingPromoted>((await EventsAsync(harness))[1]).JoinedAtTraff);
    }

    [Fact]
    public async Task Nobody_is_promoted_once_late_joins_have_closed()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Max(1).LateJoinUntil(2).Booked(P(1)).Waitlisted(P(2)).AllPresentThrough(2).AddAsync(harness);

        await CancelAsync(harness, group, BookingOf(group, P(1)));

        var stored = await StoredAsync(harness, group.Id);
        Assert.Empty(stored.Booked);
        Assert.Equal([P(2)], stored.Waitlist.Select(b => b.ParticipantId));
        Assert.IsType<BookingCancelled>(Assert.Single(await EventsAsync(harness)));
    }

    [Fact]
    public async Task Nobody_is_promoted_once_the_cut_off_traffs_day_has_passed_though_it_is_not_recorded()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        // Late joining until träff 2 (19 February); träff 1 held, träff 2 not recorded yet; today is 20 February.
        var group = await new TestGroup().Max(1).LateJoinUntil(2).Booked(P(1)).Waitlisted(P(2)).AllPresentThrough(1).AddAsync(harness);
        harness.Clock.Now = new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero);

        await CancelAsync(harness, group, BookingOf(group, P(1)));

        var stored = await StoredAsync(harness, group.Id);
        Assert.Empty(stored.Booked);
        Assert.Equal([P(2)], stored.Waitlist.Select(b => b.ParticipantId));
        Assert.IsType<BookingCancelled>(Assert.Single(await EventsAsync(harness)));
    }

    [Fact]
    public async Task A_promotion_on_the_cut_off_traffs_day_joins_at_it()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Max(1).LateJoinUntil(2).Booked(P(1)).Waitlisted(P(2)).AllPresentThrough(1).AddAsync(harness);
        harness.Clock.Now = new DateTimeOffset(2026, 2, 19, 9, 0, 0, TimeSpan.Zero);

        await CancelAsync(harness, group, BookingOf(group, P(1)));

        var promoted = (await StoredAsync(harness, group.Id)).FindBooking(BookingOf(group, P(2)))!;
        Assert.Equal((BookingStatus.Booked, "traff-2", 2), (promoted.Status, promoted.JoinedAtTraffId, promoted.JoinedAtTraff));
    }

    [Fact]
    public async Task Cancelling_a_place_on_the_waiting_list_frees_nothing()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Max(1).Booked(P(1)).Waitlisted(P(2), P(3)).AddAsync(harness);

        await CancelAsync(harness, group, BookingOf(group, P(2)), "fel-grupp");

        var stored = await StoredAsync(harness, group.Id);
        Assert.Equal([P(1)], stored.Booked.Select(b => b.ParticipantId));
        Assert.Equal([P(3)], stored.Waitlist.Select(b => b.ParticipantId));
        Assert.Equal(1, stored.WaitlistPosition(stored.Waitlist.Single()));
        Assert.True(stored.FindBooking(BookingOf(group, P(2)))!.CancelledFromWaitlist);
        var cancelled = Assert.IsType<BookingCancelled>(Assert.Single(await EventsAsync(harness)));
        Assert.True(cancelled.WasWaitlisted);
    }

    [Fact]
    public async Task A_booked_place_freed_with_nobody_waiting_stays_free_for_the_next_booking()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().Max(1).Booked(P(1)).AddAsync(harness);

        await CancelAsync(harness, group, BookingOf(group, P(1)));
        var next = await harness.Get<BookParticipantHandler>().HandleAsync(LeaderCaller, new BookParticipantCommand(group.Id, null, P(2)), Ct);

        Assert.Equal(BookingStatus.Booked, next.Booking.Status);
    }

    [Fact]
    public async Task Cancelling_an_already_cancelled_booking_is_FAILED_PRECONDITION_and_writes_nothing()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(P(1)).AddAsync(harness);
        await CancelAsync(harness, group, BookingOf(group, P(1)));
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => CancelAsync(harness, group, BookingOf(group, P(1))));

        Assert.Equal(CancelBookingHandler.ReasonAlreadyCancelled, ex.Reason);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Theory]
    [InlineData(GroupStatus.Completed)]
    [InlineData(GroupStatus.Cancelled)]
    public async Task Bookings_of_an_ended_group_are_not_cancelled(GroupStatus status)
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Status(status).Booked(P(1)).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => CancelAsync(harness, group, BookingOf(group, P(1))));

        Assert.Equal(GroupRefusals.ReasonGroupEnded, ex.Reason);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task An_unknown_booking_is_NOT_FOUND()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(P(1)).AddAsync(harness);

        var ex = await Assert.ThrowsAsync<NotFoundException>(() => CancelAsync(harness, group, Guid.NewGuid().ToString()));

        Assert.Equal(CancelBookingHandler.ReasonBookingNotFound, ex.Reason);
    }

    [Fact]
    public async Task Booking_id_and_reason_are_checked_together_and_nothing_is_written()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(P(1)).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => CancelAsync(harness, group, "", "ledsen"));

        Assert.Equal(["booking_id", "reason"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Contains("deltagaren-avbokade, sjukdom, avslutad-i-insatsen, fel-grupp, ovrigt", ex.Violations.Single(v => v.Field == "reason").Description);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Theory]
    [InlineData("", "reason")]
    [InlineData("Sjukdom", "reason")]
    public async Task The_reason_is_one_of_the_codes(string reason, string field)
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(P(1)).AddAsync(harness);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => CancelAsync(harness, group, BookingOf(group, P(1)), reason));

        Assert.Equal(field, Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task The_insats_samordnare_cancels_and_a_samordnare_of_another_insats_may_not()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(P(1), P(2)).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => CancelAsync(harness, group, BookingOf(group, P(1)), caller: OtherInsatsSamordnare));
        var leaderOfAnother = await Assert.ThrowsAsync<PermissionDeniedException>(() => CancelAsync(harness, group, BookingOf(group, P(1)), caller: OtherLeader));
        await AssertUnchangedAsync(harness, group.Id, before);

        Assert.Equal(ActivitiesAccess.ReasonNotOwnInsats, denied.Reason);
        Assert.Equal(ActivitiesAccess.ReasonNotGroupLeader, leaderOfAnother.Reason);
        Assert.Equal(Samordnare.Subject, (await CancelAsync(harness, group, BookingOf(group, P(1)), caller: Samordnare)).Booking.CancelledBy);
    }
}
