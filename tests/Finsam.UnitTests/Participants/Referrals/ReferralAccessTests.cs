using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Consents;
using Finsam.Participants.Application.Referrals;
using Finsam.Participants.Application.Registry;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Participants.Referrals;

/// <summary>Who may read, decide and withdraw, the referring agency's exception to consent, and the access log.</summary>
public sealed class ReferralAccessTests : ReferralsTestBase
{
    [Fact]
    public async Task An_agency_reads_its_own_referral_without_consent_and_the_read_is_logged()
    {
        var referral = await ReferAsync(Fk);

        var view = await Get.HandleAsync(Fk, referral.Id, Ct);

        Assert.Equal(referral.Id, view.Referral.Id);
        var entry = Assert.Single(await LogAsync(referral.ParticipantId), e => e.Action == AccessActions.ReadReferral);
        Assert.Equal(AccessOutcome.Allowed, entry.Outcome);
        Assert.Equal("fk", entry.Agency);
    }

    [Fact]
    public async Task Another_agency_is_denied_without_consent_naming_it_and_the_denial_is_logged()
    {
        var referral = await ReferAsync(Fk);

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => Get.HandleAsync(Af, referral.Id, Ct));

        Assert.Equal(ParticipantAccess.ReasonConsentMissing, ex.Reason);
        Assert.Contains("Samtycke saknas", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Arbetsförmedlingen", ex.Message, StringComparison.Ordinal);
        var entry = Assert.Single(await LogAsync(referral.ParticipantId), e => e.Action == AccessActions.ReadReferral);
        Assert.Equal(AccessOutcome.Denied, entry.Outcome);
        Assert.Equal("af-system", entry.Subject);
    }

    [Fact]
    public async Task Another_agency_reads_it_once_the_person_consents_to_that_agency()
    {
        var referral = await ReferAsync(Fk);
        await Harness.Get<ConsentHandlers>().GiveAsync(
            Registrar, new GiveConsentCommand(referral.ParticipantId, ["af"], new DateOnly(2026, 3, 1)), Ct);

        var view = await Get.HandleAsync(Af, referral.Id, Ct);

        Assert.Equal(referral.Id, view.Referral.Id);
    }

    [Fact]
    public async Task Staff_read_referrals_to_their_insats_only()
    {
        var referral = await ReferAsync(Fk);

        var own = await Get.HandleAsync(Staff, referral.Id, Ct);
        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => Get.HandleAsync(OtherStaff, referral.Id, Ct));

        Assert.Equal(referral.Id, own.Referral.Id);
        Assert.Equal(ParticipantAccess.ReasonNotInOwnInsats, ex.Reason);
    }

    [Fact]
    public async Task The_registrant_and_administrators_read_it()
    {
        var referral = await ReferAsync(Fk);

        Assert.Equal(referral.Id, (await Get.HandleAsync(Registrar, referral.Id, Ct)).Referral.Id);
        Assert.Equal(referral.Id, (await Get.HandleAsync(Admin, referral.Id, Ct)).Referral.Id);
    }

    [Fact]
    public async Task The_insats_staff_may_see_the_person_once_referred_and_no_longer_once_declined()
    {
        var participant = await RegisterAsync();
        var getParticipant = Harness.Get<GetParticipantHandler>();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => getParticipant.HandleAsync(Staff, participant.Id, Ct));

        var referral = (await Create.HandleAsync(Fk, Command(participant.Id), Ct)).Referral;
        var seen = await getParticipant.HandleAsync(Staff, participant.Id, Ct);
        await Decline.HandleAsync(Staff, new DeclineReferralCommand(referral.Id, await EtagAsync(referral), "utanfor-malgrupp", null), Ct);

        Assert.Equal(participant.Id, seen.Id);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => getParticipant.HandleAsync(Staff, participant.Id, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => getParticipant.HandleAsync(OtherStaff, participant.Id, Ct));
    }

    [Fact]
    public async Task Only_the_insats_staff_or_an_administrator_decide_and_each_decision_is_logged()
    {
        var referral = await ReferAsync(Fk);
        var etag = await EtagAsync(referral);

        var byAgency = await Assert.ThrowsAsync<PermissionDeniedException>(() => Accept.HandleAsync(Fk, new AcceptReferralCommand(referral.Id, etag, false), Ct));
        var byOther = await Assert.ThrowsAsync<PermissionDeniedException>(() => Accept.HandleAsync(OtherStaff, new AcceptReferralCommand(referral.Id, etag, false), Ct));
        var byGruppledare = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Decline.HandleAsync(ParticipantsHarness.As(Roles.Gruppledare, "gl", null, InsatsId), new DeclineReferralCommand(referral.Id, etag, "ovrigt", null), Ct));
        var byAdmin = await Accept.HandleAsync(Admin, new AcceptReferralCommand(referral.Id, etag, false), Ct);

        Assert.Equal(ParticipantAccess.ReasonRoleNotAllowed, byAgency.Reason);
        Assert.Equal(ParticipantAccess.ReasonNotInOwnInsats, byOther.Reason);
        Assert.Equal(ParticipantAccess.ReasonRoleNotAllowed, byGruppledare.Reason);
        Assert.Equal(Finsam.Participants.Domain.ReferralStatuses.Accepted, byAdmin.Referral.Status);
        var decisions = (await LogAsync(referral.ParticipantId)).Where(e => e.Action == AccessActions.DecideReferral).ToList();
        Assert.Equal([AccessOutcome.Denied, AccessOutcome.Denied, AccessOutcome.Denied, AccessOutcome.Allowed], decisions.Select(e => e.Outcome));
    }

    [Fact]
    public async Task The_referring_agency_or_the_insats_staff_withdraw_but_not_another_agency()
    {
        var byAgency = await ReferAsync(Fk);
        var byStaff = await ReferAsync(Fk);

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Withdraw.HandleAsync(Af, new WithdrawReferralCommand(byAgency.Id, "1"), Ct));
        var other = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Withdraw.HandleAsync(OtherStaff, new WithdrawReferralCommand(byAgency.Id, "1"), Ct));
        await Withdraw.HandleAsync(Fk, new WithdrawReferralCommand(byAgency.Id, "1"), Ct);
        await Withdraw.HandleAsync(Staff, new WithdrawReferralCommand(byStaff.Id, "1"), Ct);

        Assert.Equal(ReferralAccess.ReasonNotOwnAgency, ex.Reason);
        Assert.Equal(ParticipantAccess.ReasonNotInOwnInsats, other.Reason);
        Assert.Equal(Finsam.Participants.Domain.ReferralStatuses.Withdrawn, (await StoredAsync(byAgency)).Status);
        Assert.Equal(Finsam.Participants.Domain.ReferralStatuses.Withdrawn, (await StoredAsync(byStaff)).Status);
    }

    [Fact]
    public async Task A_persons_list_shows_each_caller_only_the_referrals_it_may_read()
    {
        var participant = await RegisterAsync();
        var fromFk = (await Create.HandleAsync(Fk, Command(participant.Id), Ct)).Referral;
        Harness.Clock.Now = Harness.Clock.Now.AddMinutes(1);
        var fromAf = (await Create.HandleAsync(Af, Command(participant.Id, insatsId: OtherInsatsId), Ct)).Referral;
        var list = Harness.Get<ListParticipantReferralsHandler>();

        var asFk = await list.HandleAsync(Fk, new ListParticipantReferralsQuery(participant.Id, 0, null), Ct);
        var asStaff = await list.HandleAsync(OtherStaff, new ListParticipantReferralsQuery(participant.Id, 0, null), Ct);
        var asAdmin = await list.HandleAsync(Admin, new ListParticipantReferralsQuery(participant.Id, 0, null), Ct);

        Assert.Equal([fromFk.Id], asFk.Referrals.Select(v => v.Referral.Id));
        Assert.Equal([fromAf.Id], asStaff.Referrals.Select(v => v.Referral.Id));
        Assert.Equal([fromFk.Id, fromAf.Id], asAdmin.Referrals.Select(v => v.Referral.Id));
    }

    [Fact]
    public async Task A_caller_with_nothing_to_see_is_denied_the_list()
    {
        var referral = await ReferAsync(Fk);
        var list = Harness.Get<ListParticipantReferralsHandler>();

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            list.HandleAsync(Af, new ListParticipantReferralsQuery(referral.ParticipantId, 0, null), Ct));

        Assert.Equal(ParticipantAccess.ReasonConsentMissing, ex.Reason);
        Assert.Contains(await LogAsync(referral.ParticipantId), e => e.Action == AccessActions.ReadReferral && e.Outcome == AccessOutcome.Denied);
    }

    [Fact]
    public async Task The_list_pages_oldest_first()
    {
        // One open referral per insats: three insatser give three referrals to page through.
        var participant = await RegisterAsync();
        Harness.Catalogue.Add("insats-tredje");
        var ids = new List<string>();
        foreach (var insats in new[] { InsatsId, OtherInsatsId, "insats-tredje" })
        {
            ids.Add((await Create.HandleAsync(Fk, Command(participant.Id, insatsId: insats), Ct)).Referral.Id);
        }

        var list = Harness.Get<ListParticipantReferralsHandler>();
        var first = await list.HandleAsync(Fk, new ListParticipantReferralsQuery(participant.Id, 2, null), Ct);
        var second = await list.HandleAsync(Fk, new ListParticipantReferralsQuery(participant.Id, 2, first.NextPageToken), Ct);
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            list.HandleAsync(Fk, new ListParticipantReferralsQuery(participant.Id, 101, null), Ct));

        Assert.Equal(ids[..2], first.Referrals.Select(v => v.Referral.Id));
        Assert.Equal(ids[2..], second.Referrals.Select(v => v.Referral.Id));
        Assert.Null(second.NextPageToken);
        Assert.Equal("page_size", Assert.Single(invalid.Violations).Field);
    }

    [Fact]
    public async Task Staff_refer_only_into_an_insats_they_work_in()
    {
        // A referral opens the person's data to the insats' staff: staff of another insats can't make one for themselves.
        var participant = await RegisterAsync();

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => Create.HandleAsync(
            OtherStaff, Command(participant.Id, agency: Agencies.Kommun), Ct));

        Assert.Equal(ParticipantAccess.ReasonNotInOwnInsats, ex.Reason);
        Assert.Empty(await Repository.ListForParticipantAsync(participant.Id, Ct));
        Assert.Contains(await LogAsync(participant.Id), e => e is { Subject: "staff-vagen", Action: AccessActions.Refer, Outcome: AccessOutcome.Denied });
    }

    [Fact]
    public async Task A_second_referral_to_the_same_insats_waits_for_the_first_to_be_decided()
    {
        var participant = await RegisterAsync();
        var first = (await Create.HandleAsync(Fk, Command(participant.Id), Ct)).Referral;

        var second = await Assert.ThrowsAsync<AlreadyExistsException>(() => Create.HandleAsync(Af, Command(participant.Id), Ct));
        Assert.Equal(CreateReferralHandler.ReasonAlreadyReferred, second.Reason);

        // Once the first is declined, a new referral is welcome.
        await Harness.Get<DeclineReferralHandler>().HandleAsync(
            Staff, new DeclineReferralCommand(first.Id, await EtagAsync(first), "annan-insats", null), Ct);
        Assert.Equal("received", (await Create.HandleAsync(Af, Command(participant.Id), Ct)).Referral.Status);
    }
}
