using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Referrals;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Participants.Referrals;

/// <summary>The queue per insats: when referrals queue, its order, the head-of-queue rule, over capacity and places.</summary>
public sealed class ReferralQueueTests : ReferralsTestBase
{
    private IReferralPlaces Places => Harness.Get<IReferralPlaces>();

    /// <summary>Both places of the insats taken; returns the two holders.</summary>
    private async Task<(Referral First, Referral Second)> FillAsync()
    {
        var first = await ReferAsync();
        var second = await ReferAsync();
        await AcceptAsync(first);
        await AcceptAsync(second);
        return (first, second);
    }

    /// <summary>A new referral that the full insats queues, a minute after the previous one.</summary>
    private async Task<ReferralView> QueueNewAsync()
    {
        Harness.Clock.Now = Harness.Clock.Now.AddMinutes(1);
        var referral = await ReferAsync();
        var view = await AcceptAsync(referral);
        Assert.Equal(ReferralStatuses.Queued, view.Referral.Status);
        return view;
    }

    [Fact]
    public async Task A_full_insats_queues_the_referral_and_the_call_returns_it_with_its_position()
    {
        await FillAsync();
        var referral = await ReferAsync();

        var view = await AcceptAsync(referral);

        Assert.Equal(ReferralStatuses.Queued, view.Referral.Status);
        Assert.Equal(1, view.QueuePosition);
        var stored = await StoredAsync(referral);
        Assert.Equal(ReferralStatuses.Queued, stored.Status);
        Assert.Equal(Harness.Clock.Now.UtcDateTime, stored.QueuedAt);
        Assert.Null(stored.DecidedAt);
        Assert.Equal(new ReferralQueued(referral.Id, InsatsId, Harness.Clock.Now.UtcDateTime), (await EventsAsync())[^1]);
    }

    [Fact]
    public async Task The_queue_lists_the_longest_waiting_first_with_positions_and_places()
    {
        await FillAsync();
        var first = await QueueNewAsync();
        var second = await QueueNewAsync();
        var third = await QueueNewAsync();

        var queue = await Queue.HandleAsync(Staff, InsatsId, Ct);

        Assert.Equal(InsatsId, queue.InsatsId);
        Assert.Equal(BudgetedPlaces, queue.BudgetedPlaces);
        Assert.Equal(2, queue.PlacesInUse);
        Assert.Equal([first.Referral.Id, second.Referral.Id, third.Referral.Id], queue.Queued.Select(v => v.Referral.Id));
        Assert.Equal([1, 2, 3], queue.Queued.Select(v => v.QueuePosition));
        Assert.Equal([1, 2, 3], [first.QueuePosition, second.QueuePosition, third.QueuePosition]);
        Assert.Equal(3, (await Get.HandleAsync(Staff, third.Referral.Id, Ct)).QueuePosition);
    }

    [Fact]
    public async Task The_queue_is_ordered_by_when_referrals_joined_it_not_by_received_on()
    {
        await FillAsync();
        var participant = await RegisterAsync();
        Harness.Clock.Now = Harness.Clock.Now.AddMinutes(1);
        var early = await QueueNewAsync();
        var backdated = (await Create.HandleAsync(Fk, Command(participant.Id, receivedOn: new DateOnly(2025, 1, 1)), Ct)).Referral;
        Harness.Clock.Now = Harness.Clock.Now.AddMinutes(1);

        var view = await AcceptAsync(backdated);

        Assert.Equal(2, view.QueuePosition);
        Assert.Equal(1, (await Get.HandleAsync(Staff, early.Referral.Id, Ct)).QueuePosition);
    }

    [Fact]
    public async Task Only_the_head_of_the_queue_may_be_accepted()
    {
        var (first, _) = await FillAsync();
        await QueueNewAsync();
        var second = await QueueNewAsync();
        await Places.ReleasePlaceAsync(first.Id, Ct);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => AcceptAsync(second.Referral));

        Assert.Equal(AcceptReferralHandler.ReasonNotHeadOfQueue, ex.Reason);
        Assert.Contains("plats 2", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ReferralStatuses.Queued, (await StoredAsync(second.Referral)).Status);
        Assert.Equal(1, await Places.PlacesInUseAsync(InsatsId, Ct));
    }

    [Fact]
    public async Task The_head_is_not_accepted_while_every_place_is_taken()
    {
        await FillAsync();
        var head = await QueueNewAsync();

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => AcceptAsync(head.Referral));

        Assert.Equal(AcceptReferralHandler.ReasonNoFreePlace, ex.Reason);
        Assert.Equal(ReferralStatuses.Queued, (await StoredAsync(head.Referral)).Status);
    }

    [Fact]
    public async Task A_released_place_lets_the_head_in_and_the_next_moves_up()
    {
        var (first, _) = await FillAsync();
        var head = await QueueNewAsync();
        var next = await QueueNewAsync();

        await Places.ReleasePlaceAsync(first.Id, Ct);
        var accepted = await AcceptAsync(head.Referral);

        Assert.Equal(ReferralStatuses.Accepted, accepted.Referral.Status);
        Assert.False(accepted.Referral.OverCapacity);
        Assert.Equal(1, (await Get.HandleAsync(Staff, next.Referral.Id, Ct)).QueuePosition);
        var queue = await Queue.HandleAsync(Staff, InsatsId, Ct);
        Assert.Equal(2, queue.PlacesInUse);
        Assert.Equal([next.Referral.Id], queue.Queued.Select(v => v.Referral.Id));
    }

    [Fact]
    public async Task A_new_referral_goes_behind_those_waiting_even_when_a_place_is_free()
    {
        var (first, _) = await FillAsync();
        var waiting = await QueueNewAsync();
        await Places.ReleasePlaceAsync(first.Id, Ct);
        Harness.Clock.Now = Harness.Clock.Now.AddMinutes(1);
        var late = await ReferAsync();

        var view = await AcceptAsync(late);

        Assert.Equal(ReferralStatuses.Queued, view.Referral.Status);
        Assert.Equal(2, view.QueuePosition);
        Assert.Equal(ReferralStatuses.Accepted, (await AcceptAsync(waiting.Referral)).Referral.Status);
    }

    [Fact]
    public async Task Declining_or_withdrawing_the_head_moves_the_others_up()
    {
        await FillAsync();
        var a = await QueueNewAsync();
        var b = await QueueNewAsync();
        var c = await QueueNewAsync();

        await Decline.HandleAsync(Staff, new DeclineReferralCommand(a.Referral.Id, await EtagAsync(a.Referral), "tackar-nej", null), Ct);
        await Withdraw.HandleAsync(Fk, new WithdrawReferralCommand(b.Referral.Id, await EtagAsync(b.Referral)), Ct);

        var queue = await Queue.HandleAsync(Staff, InsatsId, Ct);
        var only = Assert.Single(queue.Queued);
        Assert.Equal(c.Referral.Id, only.Referral.Id);
        Assert.Equal(1, only.QueuePosition);
    }

    [Fact]
    public async Task Over_capacity_accepts_the_head_beyond_the_budget_and_is_recorded()
    {
        await FillAsync();
        var head = await QueueNewAsync();

        var view = await AcceptAsync(head.Referral, overCapacity: true);

        Assert.Equal(ReferralStatuses.Accepted, view.Referral.Status);
        Assert.True((await StoredAsync(head.Referral)).OverCapacity);
        Assert.True(Assert.IsType<ReferralAccepted>((await EventsAsync())[^1]).OverCapacity);
        var queue = await Queue.HandleAsync(Staff, InsatsId, Ct);
        Assert.Equal(3, queue.PlacesInUse);
        Assert.Empty(queue.Queued);
    }

    [Fact]
    public async Task Over_capacity_accepts_a_received_referral_straight_away_when_full()
    {
        await FillAsync();
        var referral = await ReferAsync();

        var view = await AcceptAsync(referral, overCapacity: true);

        Assert.Equal(ReferralStatuses.Accepted, view.Referral.Status);
        Assert.True(view.Referral.OverCapacity);
        Assert.DoesNotContain(await EventsAsync(), e => e is ReferralQueued);
    }

    [Fact]
    public async Task Over_capacity_lets_a_later_referral_pass_the_queue_and_that_is_recorded()
    {
        var (first, _) = await FillAsync();
        var head = await QueueNewAsync();
        var second = await QueueNewAsync();
        await Places.ReleasePlaceAsync(first.Id, Ct);

        var view = await AcceptAsync(second.Referral, overCapacity: true);

        Assert.True(view.Referral.OverCapacity);
        Assert.Equal(1, (await Get.HandleAsync(Staff, head.Referral.Id, Ct)).QueuePosition);
    }

    [Fact]
    public async Task The_over_capacity_flag_is_not_recorded_when_a_place_was_free_and_nobody_waited()
    {
        var referral = await ReferAsync();

        var view = await AcceptAsync(referral, overCapacity: true);

        Assert.False(view.Referral.OverCapacity);
        Assert.False(Assert.IsType<ReferralAccepted>((await EventsAsync())[^1]).OverCapacity);
    }

    [Fact]
    public async Task Ten_parallel_accepts_on_the_last_free_place_accept_exactly_one_and_queue_the_rest()
    {
        Harness.Catalogue.Add("insats-en-plats", budgetedPlaces: 1);
        var referrals = new List<Referral>();
        for (var i = 0; i < 10; i++)
        {
            referrals.Add(await ReferAsync(insatsId: "insats-en-plats"));
        }

        var staff = ParticipantsHarness.As(Roles.Samordnare, "staff-en-plats", null, "insats-en-plats");
        var commands = referrals.Select(r => new AcceptReferralCommand(r.Id, r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), false)).ToList();
        using var start = new ManualResetEventSlim();
        var racing = commands.Select(c => Task.Run(async () =>
        {
            start.Wait(Ct);
            return await Accept.HandleAsync(staff, c, Ct);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(racing);

        Assert.Single(results, r => r.Referral.Status == ReferralStatuses.Accepted);
        Assert.Equal(9, results.Count(r => r.Referral.Status == ReferralStatuses.Queued));
        var stored = await Task.WhenAll(referrals.Select(StoredAsync));
        Assert.Single(stored, r => r.Status == ReferralStatuses.Accepted);
        var queue = await Queue.HandleAsync(staff, "insats-en-plats", Ct);
        Assert.Equal(1, queue.PlacesInUse);
        Assert.Equal(Enumerable.Range(1, 9), queue.Queued.Select(v => v.QueuePosition));
        var events = await EventsAsync();
        Assert.Single(events, e => e is ReferralAccepted);
        Assert.Equal(9, events.Count(e => e is ReferralQueued));
    }

    [Fact]
    public async Task A_place_left_behind_by_a_crash_between_the_two_writes_is_freed_after_the_grace_period()
    {
        Harness.Catalogue.Add("insats-en-plats", budgetedPlaces: 1);
        var store = Harness.Get<IInsatsPlacesStore>();
        var places = new InsatsPlaces { InsatsId = "insats-en-plats" };
        places.Holds.Add(new PlaceHold("crashed-acceptance", Harness.Clock.Now.UtcDateTime));
        Assert.True(await store.TrySaveAsync(places, Ct));
        var staff = ParticipantsHarness.As(Roles.Samordnare, "staff-en-plats", null, "insats-en-plats");

        // Within the grace period the hold may be an acceptance still writing: it counts.
        var early = await AcceptAsync(await ReferAsync(insatsId: "insats-en-plats"), by: staff);
        Harness.Clock.Now += ReferralPlaces.Grace + TimeSpan.FromSeconds(1);
        var head = await AcceptAsync(early.Referral, by: staff);

        Assert.Equal(ReferralStatuses.Queued, early.Referral.Status);
        Assert.Equal(ReferralStatuses.Accepted, head.Referral.Status);
        Assert.False(head.Referral.OverCapacity);
        Assert.Equal([early.Referral.Id], (await store.GetAsync("insats-en-plats", Ct))!.Holds.Select(h => h.ReferralId));
    }

    [Fact]
    public async Task Releasing_a_place_is_idempotent_and_only_for_accepted_referrals()
    {
        var (first, _) = await FillAsync();
        var received = await ReferAsync();

        await Places.ReleasePlaceAsync(first.Id, Ct);
        await Places.ReleasePlaceAsync(first.Id, Ct);
        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => Places.ReleasePlaceAsync(received.Id, Ct));
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => Places.ReleasePlaceAsync(Guid.NewGuid().ToString(), Ct));

        Assert.True((await StoredAsync(first)).PlaceReleased);
        Assert.Equal(ReferralStatuses.Accepted, (await StoredAsync(first)).Status);
        Assert.Equal(1, await Places.PlacesInUseAsync(InsatsId, Ct));
        Assert.Equal(ReferralPlaces.ReasonNotAccepted, ex.Reason);
        Assert.Equal(ReferralLoader.ReasonNotFound, missing.Reason);
    }

    [Fact]
    public async Task The_queue_is_for_the_insats_staff_and_administrators_and_logs_each_person_listed()
    {
        await FillAsync();
        var waiting = await QueueNewAsync();

        var ofOther = await Assert.ThrowsAsync<PermissionDeniedException>(() => Queue.HandleAsync(OtherStaff, InsatsId, Ct));
        var ofAgency = await Assert.ThrowsAsync<PermissionDeniedException>(() => Queue.HandleAsync(Fk, InsatsId, Ct));
        var byAdmin = await Queue.HandleAsync(Admin, InsatsId, Ct);

        Assert.Equal(ParticipantAccess.ReasonNotInOwnInsats, ofOther.Reason);
        Assert.Equal(ParticipantAccess.ReasonRoleNotAllowed, ofAgency.Reason);
        Assert.Single(byAdmin.Queued);
        var entry = Assert.Single(await LogAsync(waiting.Referral.ParticipantId), e => e.Subject == "admin");
        Assert.Equal(AccessActions.ReadReferral, entry.Action);
    }

    [Fact]
    public async Task The_queue_of_an_unknown_insats_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<NotFoundException>(() => Queue.HandleAsync(Admin, "finns-inte", Ct));

        Assert.Equal(AcceptReferralHandler.ReasonInsatsNotFound, ex.Reason);
    }
}
