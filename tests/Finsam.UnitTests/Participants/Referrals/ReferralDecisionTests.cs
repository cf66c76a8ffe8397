using System.Text.Json;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Referrals;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.UnitTests.Participants.Referrals;

/// <summary>Accept, decline and withdraw from each state, etags, and the events each decision publishes.</summary>
public sealed class ReferralDecisionTests : ReferralsTestBase
{
    private async Task<ReferralView> DeclineAsync(Referral referral, string reason = "utanfor-malgrupp", string? note = null) =>
        await Decline.HandleAsync(Staff, new DeclineReferralCommand(referral.Id, await EtagAsync(referral), reason, note), Ct);

    private async Task<ReferralView> WithdrawAsync(Referral referral, AccessContext? by = null) =>
        await Withdraw.HandleAsync(by ?? Fk, new WithdrawReferralCommand(referral.Id, await EtagAsync(referral)), Ct);

    [Fact]
    public async Task Received_referral_with_a_free_place_is_accepted()
    {
        var referral = await ReferAsync();
        Harness.Clock.Now = Harness.Clock.Now.AddHours(3);

        var view = await AcceptAsync(referral);

        var stored = await StoredAsync(referral);
        Assert.Equal(ReferralStatuses.Accepted, stored.Status);
        Assert.False(stored.OverCapacity);
        Assert.Equal(Harness.Clock.Now.UtcDateTime, stored.DecidedAt);
        Assert.Equal("staff-steget", stored.DecidedBy!.Subject);
        Assert.Equal(0, view.QueuePosition);
        Assert.Equal(stored.Version, view.Referral.Version);
        var accepted = Assert.IsType<ReferralAccepted>((await EventsAsync())[^1]);
        Assert.Equal(new ReferralAccepted(referral.Id, InsatsId, false, Harness.Clock.Now.UtcDateTime), accepted);
    }

    [Fact]
    public async Task Decline_records_the_reason_code_and_keeps_the_note_out_of_the_event()
    {
        var referral = await ReferAsync();

        var view = await DeclineAsync(referral, "annan-insats", "Passar bättre i IPS, ring Eva på 070-1234567.");

        Assert.Equal(ReferralStatuses.Declined, view.Referral.Status);
        var stored = await StoredAsync(referral);
        Assert.Equal("annan-insats", stored.DeclineReason);
        Assert.Equal("Passar bättre i IPS, ring Eva på 070-1234567.", stored.DeclineNote);
        var declined = Assert.IsType<ReferralDeclined>((await EventsAsync())[^1]);
        Assert.Equal("annan-insats", declined.Reason);
        Assert.DoesNotContain("070", JsonSerializer.Serialize(declined), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decline_needs_a_reason_from_the_list()
    {
        var referral = await ReferAsync();
        var etag = await EtagAsync(referral);

        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Decline.HandleAsync(Staff, new DeclineReferralCommand(referral.Id, etag, " ", null), Ct));
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Decline.HandleAsync(Staff, new DeclineReferralCommand(referral.Id, etag, "orkar inte", new string('x', 1001)), Ct));

        Assert.Equal("reason", Assert.Single(missing.Violations).Field);
        Assert.Contains("utanfor-malgrupp", missing.Violations[0].Description, StringComparison.Ordinal);
        Assert.Equal(["note", "reason"], unknown.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Equal(ReferralStatuses.Received, (await StoredAsync(referral)).Status);
    }

    [Fact]
    public async Task The_referring_agency_withdraws_its_received_referral()
    {
        var referral = await ReferAsync();

        var view = await WithdrawAsync(referral);

        Assert.Equal(ReferralStatuses.Withdrawn, view.Referral.Status);
        Assert.Equal("fk-system", (await StoredAsync(referral)).DecidedBy!.Subject);
        Assert.Equal(new ReferralWithdrawn(referral.Id, InsatsId, Harness.Clock.Now.UtcDateTime), (await EventsAsync())[^1]);
    }

    [Fact]
    public async Task Withdrawing_an_accepted_referral_frees_its_place()
    {
        var referral = await ReferAsync();
        await AcceptAsync(referral);
        Assert.Equal(1, await Harness.Get<IReferralPlaces>().PlacesInUseAsync(InsatsId, Ct));

        await WithdrawAsync(referral);

        Assert.Equal(0, await Harness.Get<IReferralPlaces>().PlacesInUseAsync(InsatsId, Ct));
    }

    [Fact]
    public async Task Missing_ids_and_etags_are_field_violations()
    {
        var accept = await Assert.ThrowsAsync<ValidationFailedException>(() => Accept.HandleAsync(Staff, new AcceptReferralCommand("", "x", false), Ct));
        var withdraw = await Assert.ThrowsAsync<ValidationFailedException>(() => Withdraw.HandleAsync(Fk, new WithdrawReferralCommand(null, null), Ct));

        Assert.Equal(["etag", "referral_id"], accept.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Equal(["etag", "referral_id"], withdraw.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_referral_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<NotFoundException>(() => Accept.HandleAsync(Staff, new AcceptReferralCommand(Guid.NewGuid().ToString(), "1", false), Ct));

        Assert.Equal(ReferralLoader.ReasonNotFound, ex.Reason);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_changes_nothing()
    {
        var referral = await ReferAsync();
        var staleEtag = await EtagAsync(referral);
        await DeclineAsync(referral);

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Accept.HandleAsync(Staff, new AcceptReferralCommand(referral.Id, staleEtag, false), Ct));

        Assert.Equal(ReferralTransitions.ReasonChanged, ex.Reason);
        Assert.Equal(ReferralStatuses.Declined, (await StoredAsync(referral)).Status);
        Assert.Equal(0, await Harness.Get<IReferralPlaces>().PlacesInUseAsync(InsatsId, Ct));
    }

    public static TheoryData<string, string> InvalidTransitions => new()
    {
        { "accepted", "accept" },
        { "accepted", "decline" },
        { "declined", "accept" },
        { "declined", "decline" },
        { "declined", "withdraw" },
        { "withdrawn", "accept" },
        { "withdrawn", "decline" },
        { "withdrawn", "withdraw" },
    };

    [Theory]
    [MemberData(nameof(InvalidTransitions))]
    public async Task Decisions_from_a_final_state_are_failed_precondition_in_swedish(string state, string decision)
    {
        var referral = await ReferAsync();
        switch (state)
        {
            case "accepted": await AcceptAsync(referral); break;
            case "declined": await DeclineAsync(referral); break;
            default: await WithdrawAsync(referral); break;
        }

        var before = await StoredAsync(referral);
        var eventsBefore = (await EventsAsync()).Count;

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(async () =>
        {
            switch (decision)
            {
                case "accept": await AcceptAsync(referral); break;
                case "decline": await DeclineAsync(referral); break;
                default: await WithdrawAsync(referral); break;
            }
        });

        Assert.Equal(ReferralTransitions.ReasonInvalidTransition, ex.Reason);
        Assert.StartsWith("Remissen är ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("kan inte", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before.Version, (await StoredAsync(referral)).Version);
        Assert.Equal(eventsBefore, (await EventsAsync()).Count);
    }

    [Fact]
    public async Task An_accepted_referral_whose_stay_has_ended_can_no_longer_be_withdrawn()
    {
        var referral = await ReferAsync();
        await AcceptAsync(referral);
        await Harness.Get<IReferralPlaces>().ReleasePlaceAsync(referral.Id, Ct);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => WithdrawAsync(referral));

        Assert.Contains("avslutad", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ReferralStatuses.Accepted, (await StoredAsync(referral)).Status);
    }

    [Fact]
    public async Task Events_of_a_whole_life_carry_no_personal_data()
    {
        var participant = await RegisterAsync();
        var referral = (await Create.HandleAsync(Fk, Command(participant.Id, purpose: "Psykisk ohälsa, Majas son är sjuk", handlaggare: "Kalle Karlsson"), Ct)).Referral;
        await AcceptAsync(referral);
        await WithdrawAsync(referral);

        var events = await EventsAsync();

        Assert.Equal([typeof(ReferralReceived), typeof(ReferralAccepted), typeof(ReferralWithdrawn)], events.Select(e => e.GetType()));
        foreach (var json in events.Select(e => JsonSerializer.Serialize(e, e.GetType())))
        {
            Assert.DoesNotContain("Maja", json, StringComparison.Ordinal);
            Assert.DoesNotContain("ohälsa", json, StringComparison.Ordinal);
            Assert.DoesNotContain("Kalle", json, StringComparison.Ordinal);
            Assert.DoesNotContain(participant.Personnummer!.Value, json, StringComparison.Ordinal);
        }
    }
}
