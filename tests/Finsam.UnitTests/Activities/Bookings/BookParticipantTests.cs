using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Bookings;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using static Finsam.UnitTests.Activities.Bookings.TestGroup;

namespace Finsam.UnitTests.Activities.Bookings;

public sealed class BookParticipantTests
{
    private static readonly DateTime Now = ActivitiesHarness.DefaultNow.UtcDateTime;

    private static Task<BookingView> BookAsync(ActivitiesHarness harness, Group group, string participantId, string? requestId = null, Caller? caller = null) =>
        harness.Get<BookParticipantHandler>().HandleAsync(caller ?? LeaderCaller, new BookParticipantCommand(group.Id, requestId, participantId), Ct);

    private static async Task<(string, int)> JoinedAtAsync(ActivitiesHarness harness, Group group, string participantId)
    {
        var booking = (await BookAsync(harness, group, participantId)).Booking;
        Assert.Equal(BookingStatus.Booked, booking.Status);
        return (booking.JoinedAtTraffId, booking.JoinedAtTraff);
    }

    [Fact]
    public async Task A_free_place_books_the_participant_from_the_first_traff_and_publishes_BookingMade()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().Booked(3).AddAsync(harness);

        var view = await BookAsync(harness, group, P(4));

        Assert.Equal(BookingStatus.Booked, view.Booking.Status);
        Assert.Equal(0, view.WaitlistPosition);
        Assert.Equal(1, view.Booking.JoinedAtTraff);
        Assert.Equal(Leader, view.Booking.BookedBy);
        Assert.Equal(Now, view.Booking.BookedAt);
        Assert.Equal(7, Guid.Parse(view.Booking.Id).Version);
        var stored = await StoredAsync(harness, group.Id);
        Assert.Equal(4, stored.BookedCount());
        Assert.Equal(group.Version + 1, stored.Version);
        var made = Assert.IsType<BookingMade>(Assert.Single(await EventsAsync(harness)));
        Assert.Equal(new BookingMade(view.Booking.Id, group.Id, InsatsId, P(4), 1, Now), made);
    }

    [Fact]
    public async Task A_full_group_waitlists_in_the_order_of_booking_and_says_each_position()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().Max(2).Booked(1).AddAsync(harness);

        var second = await BookAsync(harness, group, P(2));
        var third = await BookAsync(harness, group, P(3));
        var fourth = await BookAsync(harness, group, P(4));

        Assert.Equal(BookingStatus.Booked, second.Booking.Status);
        Assert.Equal((BookingStatus.Waitlisted, 1, 0), (third.Booking.Status, third.WaitlistPosition, third.Booking.JoinedAtTraff));
        Assert.Equal((BookingStatus.Waitlisted, 2), (fourth.Booking.Status, fourth.WaitlistPosition));
        var stored = await StoredAsync(harness, group.Id);
        Assert.Equal([P(3), P(4)], stored.Waitlist.Select(b => b.ParticipantId));
        Assert.Equal(
            [
                new BookingWaitlisted(third.Booking.Id, group.Id, InsatsId, P(3), 1, Now),
                new BookingWaitlisted(fourth.Booking.Id, group.Id, InsatsId, P(4), 2, Now),
            ],
            (await EventsAsync(harness)).OfType<BookingWaitlisted>());
    }

    [Fact]
    public async Task The_waitlist_order_never_goes_back_after_a_cancellation()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().Max(1).Booked(1).AddAsync(harness);
        var a = await BookAsync(harness, group, P(2));
        var b = await BookAsync(harness, group, P(3));
        await harness.Get<CancelBookingHandler>().HandleAsync(LeaderCaller, new CancelBookingCommand(group.Id, b.Booking.Id, "sjukdom"), Ct);

        var c = await BookAsync(harness, group, P(4));

        Assert.Equal(2, c.WaitlistPosition);
        Assert.True(c.Booking.WaitlistSequence > b.Booking.WaitlistSequence);
        Assert.Equal([P(2), P(4)], (await StoredAsync(harness, group.Id)).Waitlist.Select(w => w.ParticipantId));
        Assert.Equal(1, a.WaitlistPosition);
        Assert.Equal(2, b.WaitlistPosition);
    }

    [Fact]
    public async Task The_same_request_id_returns_the_first_booking_and_writes_nothing()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().Max(1).AddAsync(harness);
        var requestId = Guid.NewGuid().ToString();
        var first = await BookAsync(harness, group, P(1), requestId);

        // Even once the group has filled, and even spelled in capitals, the retry answers with the first booking.
        await BookAsync(harness, group, P(2));
        var before = await SnapshotAsync(harness, group.Id);
        var again = await BookAsync(harness, group, P(1), requestId.ToUpperInvariant());

        Assert.Equal(first.Booking.Id, again.Booking.Id);
        Assert.Equal(BookingStatus.Booked, again.Booking.Status);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task A_participant_already_booked_or_waitlisted_is_ALREADY_EXISTS_and_nothing_is_written()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().Max(1).Booked(P(1)).Waitlisted(P(2)).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var booked = await Assert.ThrowsAsync<AlreadyExistsException>(() => BookAsync(harness, group, P(1)));
        var waiting = await Assert.ThrowsAsync<AlreadyExistsException>(() => BookAsync(harness, group, P(2).ToUpperInvariant()));

        Assert.Equal(BookParticipantHandler.ReasonAlreadyBooked, booked.Reason);
        Assert.Contains("redan bokad", booked.Message);
        Assert.Contains("väntelista", waiting.Message);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task A_cancelled_participant_may_be_booked_again_as_a_new_booking()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().AddAsync(harness);
        var first = await BookAsync(harness, group, P(1));
        await harness.Get<CancelBookingHandler>().HandleAsync(LeaderCaller, new CancelBookingCommand(group.Id, first.Booking.Id, "fel-grupp"), Ct);

        var again = await BookAsync(harness, group, P(1));

        Assert.NotEqual(first.Booking.Id, again.Booking.Id);
        Assert.Equal(BookingStatus.Booked, again.Booking.Status);
        var stored = await StoredAsync(harness, group.Id);
        Assert.Equal([BookingStatus.Cancelled, BookingStatus.Booked], stored.Bookings.Where(b => b.ParticipantId == P(1)).Select(b => b.Status));
    }

    [Fact]
    public async Task A_group_registered_afterwards_takes_bookings_from_traff_1_while_nothing_is_held()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        // Every träff's day has passed (January–February) and no attendance is recorded yet.
        var group = await new TestGroup().RegisteredAfterwards().LateJoinUntil(2).Booked(2).AddAsync(harness);

        var view = await BookAsync(harness, group, P(3));

        Assert.Equal(("traff-1", 1), (view.Booking.JoinedAtTraffId, view.Booking.JoinedAtTraff));
    }

    [Fact]
    public async Task In_a_group_registered_afterwards_a_late_joiner_counts_from_the_first_traff_not_held()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().RegisteredAfterwards().LateJoinUntil(3).Booked(2).AllPresentThrough(2).AddAsync(harness);

        var view = await BookAsync(harness, group, P(3));

        Assert.Equal(("traff-3", 3), (view.Booking.JoinedAtTraffId, view.Booking.JoinedAtTraff));
        Assert.Equal(3, Assert.IsType<BookingMade>(Assert.Single(await EventsAsync(harness))).JoinedAtTraff);
    }

    [Fact]
    public async Task A_late_joiner_skips_a_cancelled_traff()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().RegisteredAfterwards().LateJoinUntil(4).Booked(2).AllPresentThrough(1).CancelledTraff(2).AddAsync(harness);

        Assert.Equal(3, (await BookAsync(harness, group, P(3))).Booking.JoinedAtTraff);
    }

    [Theory]
    [InlineData(3, 3, "fram till och med träff 3 (2026-01-26)")]
    [InlineData(3, 4, "fram till och med träff 3 (2026-01-26)")]
    [InlineData(0, 1, "första träff")]
    [InlineData(1, 1, "första träff")]
    public async Task Booking_is_refused_naming_group_id_once_the_late_join_traff_has_been_held(int lateJoinUntil, int heldThrough, string message)
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().RegisteredAfterwards().LateJoinUntil(lateJoinUntil).Booked(2).AllPresentThrough(heldThrough).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => BookAsync(harness, group, P(3)));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal("group_id", violation.Field);
        Assert.Contains(message, violation.Description);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task In_a_running_group_late_joining_closes_once_the_cut_off_traffs_day_has_passed_recorded_or_not()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        // Late joining until träff 2 (Thursday 19 February); träff 1 is held, träff 2's attendance isn't recorded.
        var group = await new TestGroup().LateJoinUntil(2).Booked(2).AllPresentThrough(1).AddAsync(harness);

        // On the day of träff 2 a newcomer still joins at it.
        harness.Clock.Now = new DateTimeOffset(2026, 2, 19, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(("traff-2", 2), await JoinedAtAsync(harness, group, P(3)));

        // The day after, träff 2 has taken place without them: the next träff would be 3, past the cut-off.
        harness.Clock.Now = new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero);
        var before = await SnapshotAsync(harness, group.Id);
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => BookAsync(harness, group, P(4)));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal("group_id", violation.Field);
        Assert.Contains("fram till och med träff 2 (2026-02-19)", violation.Description);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task A_newcomer_joins_at_the_first_traff_from_today_not_at_one_whose_day_has_passed_unrecorded()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        // Today (2 March) is träff 5's day; träffar 3 and 4 took place but nobody has recorded them.
        var group = await new TestGroup().LateJoinUntil(6).Booked(2).AllPresentThrough(2).AddAsync(harness);

        Assert.Equal(("traff-5", 5), await JoinedAtAsync(harness, group, P(3)));
    }

    [Fact]
    public async Task Before_the_first_traff_only_is_the_rule_without_a_late_join_traff()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().LateJoinUntil(0).Booked(1).AddAsync(harness);

        // On träff 1's day (16 February) they still join it; the next day they would join at träff 2, too late.
        harness.Clock.Now = new DateTimeOffset(2026, 2, 16, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(("traff-1", 1), await JoinedAtAsync(harness, group, P(2)));
        harness.Clock.Now = new DateTimeOffset(2026, 2, 17, 9, 0, 0, TimeSpan.Zero);
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => BookAsync(harness, group, P(3)));
        Assert.Contains("första träff", Assert.Single(ex.Violations).Description);
    }

    [Fact]
    public async Task A_group_with_every_traff_held_or_cancelled_has_nothing_to_join()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().RegisteredAfterwards().LateJoinUntil(8).Booked(1).AllPresentThrough(7).CancelledTraff(8).AddAsync(harness);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => BookAsync(harness, group, P(2)));

        Assert.Contains("ingen träff kvar", Assert.Single(ex.Violations).Description);
    }

    [Theory]
    [InlineData(GroupStatus.Completed, "Gruppen är avslutad")]
    [InlineData(GroupStatus.Cancelled, "Gruppen är inställd")]
    public async Task An_ended_group_refuses_bookings_naming_group_id(GroupStatus status, string message)
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Status(status).AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => BookAsync(harness, group, P(1)));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal("group_id", violation.Field);
        Assert.StartsWith(message, violation.Description);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-uuid")]
    [InlineData("00000000-0000-4000-8000-000000000001 00000000-0000-4000-8000-000000000001")]
    public async Task A_malformed_participant_id_is_refused_naming_the_field(string participantId)
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => BookAsync(harness, group, participantId));

        Assert.Equal("participant_id", Assert.Single(ex.Violations).Field);
        await AssertUnchangedAsync(harness, group.Id, before);
    }

    [Fact]
    public async Task Every_bad_field_is_reported_at_once()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Status(GroupStatus.Cancelled).AddAsync(harness);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => BookAsync(harness, group, "x", requestId: "not-a-uuid"));

        Assert.Equal(["group_id", "participant_id", "request_id"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Participant_ids_are_stored_in_one_spelling()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().AddAsync(harness);

        var view = await BookAsync(harness, group, " " + P(1).ToUpperInvariant() + " ");

        Assert.Equal(P(1), view.Booking.ParticipantId);
    }

    [Fact]
    public async Task An_unknown_group_is_NOT_FOUND_and_a_malformed_id_names_group_id()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var handler = harness.Get<BookParticipantHandler>();

        var missing = await Assert.ThrowsAsync<NotFoundException>(() =>
            handler.HandleAsync(LeaderCaller, new BookParticipantCommand(Guid.NewGuid().ToString(), null, P(1)), Ct));
        var malformed = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            handler.HandleAsync(LeaderCaller, new BookParticipantCommand("nope", null, P(1)), Ct));

        Assert.Equal(GroupUpdates.ReasonNotFound, missing.Reason);
        Assert.Equal("group_id", Assert.Single(malformed.Violations).Field);
    }

    public static TheoryData<string> Bookers => [nameof(LeaderCaller), nameof(Samordnare), nameof(Deltagaransvarig)];

    [Theory]
    [MemberData(nameof(Bookers))]
    public async Task The_groups_leaders_and_the_insats_samordnare_and_deltagaransvarig_book(string who)
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().AddAsync(harness);
        var caller = who switch
        {
            nameof(LeaderCaller) => LeaderCaller,
            nameof(Samordnare) => Samordnare,
            _ => Deltagaransvarig,
        };

        Assert.Equal(caller.Subject, (await BookAsync(harness, group, P(1), caller: caller)).Booking.BookedBy);
    }

    [Theory]
    [InlineData("other-leader", ActivitiesAccess.ReasonNotGroupLeader)]
    [InlineData("other-insats", ActivitiesAccess.ReasonNotOwnInsats)]
    [InlineData("insatsansvarig", ActivitiesAccess.ReasonRoleNotAllowed)]
    [InlineData("administrator", ActivitiesAccess.ReasonRoleNotAllowed)]
    public async Task Anyone_else_is_refused_before_the_request_is_looked_at(string who, string reason)
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().AddAsync(harness);
        var before = await SnapshotAsync(harness, group.Id);
        var caller = who switch
        {
            "other-leader" => OtherLeader,
            "other-insats" => OtherInsatsSamordnare,
            "insatsansvarig" => Insatsansvarig,
            _ => Administrator,
        };

        // A malformed participant id too: access is decided first, so the caller learns nothing about the content.
        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => BookAsync(harness, group, "x", caller: caller));

        Assert.Equal(reason, ex.Reason);
        await AssertUnchangedAsync(harness, group.Id, before);
    }
}
