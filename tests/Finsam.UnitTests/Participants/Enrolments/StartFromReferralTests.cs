using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Application.Referrals;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Participants.Enrolments;

/// <summary>
/// A stay started from a referral: which referral fits (the person's, to this insats, accepted, unused), the
/// start date against the day it came, one referral giving at most one stay, no withdrawal while the stay
/// runs, and the place freed by an ended stay even when releasing it wasn't written.
/// </summary>
public sealed class StartFromReferralTests : EnrolmentTestBase
{
    private static readonly DateOnly ReceivedOn = new(2026, 2, 1);

    private static AccessContext Fk => ParticipantsHarness.As(Roles.AgencySystem, "fk-system", Agencies.Forsakringskassan);

    private IReferralPlaces Places => Harness.Get<IReferralPlaces>();

    private async Task<Referral> ReferredAsync(Participant participant, string insatsId = InsatsA, DateOnly? receivedOn = null) =>
        (await Harness.Get<CreateReferralHandler>().HandleAsync(
            Fk,
            new CreateReferralCommand(null, participant.Id, insatsId, null, "Behöver stöd mot arbete efter lång sjukskrivning.", "Eva Handläggare", "", receivedOn ?? ReceivedOn),
            Ct)).Referral;

    private async Task<Referral> AcceptedAsync(Participant participant, string insatsId = InsatsA, DateOnly? receivedOn = null)
    {
        var referral = await ReferredAsync(participant, insatsId, receivedOn);
        var view = await Harness.Get<AcceptReferralHandler>().HandleAsync(Staff, new AcceptReferralCommand(referral.Id, Etags.Of(referral.Version), false), Ct);
        Assert.Equal(ReferralStatuses.Accepted, view.Referral.Status);
        return view.Referral;
    }

    private static StartEnrolmentCommand FromReferral(Participant participant, Referral referral, string insatsId = InsatsA, DateOnly? startDate = null) =>
        Identified(participant.Id, insatsId, startDate ?? Today) with { ReferralId = referral.Id };

    private Task<ReferralView> WithdrawAsync(Referral referral) =>
        Harness.Get<WithdrawReferralHandler>().HandleAsync(Fk, new WithdrawReferralCommand(referral.Id, Etags.Of(referral.Version)), Ct);

    /// <summary>The stay's end written on its own, as when the end was saved and releasing the referral's place then failed.</summary>
    private async Task EndWithoutReleaseAsync(Enrolment enrolment, DateOnly? endDate = null)
    {
        var stored = (await Repository.GetAsync(enrolment.Id, Ct))!;
        stored.Ending = new EnrolmentEnding(endDate ?? Today, ["arbete-deltid"], "ej-subventionerat-arbete", ["lon"], Staff.Actor, Harness.Clock.GetUtcNow().UtcDateTime);
        await Repository.SaveAsync(stored, [], Ct);
    }

    [Fact]
    public async Task Stay_from_the_persons_accepted_referral_keeps_the_referral_and_its_agency()
    {
        var participant = await ConsentingPersonAsync();
        var referral = await AcceptedAsync(participant);

        var enrolment = await StartAsync(FromReferral(participant, referral));

        Assert.Equal((referral.Id, "fk"), (enrolment.ReferralId, enrolment.ReferringAgency));
        Assert.Equal(ReferralStay.Running, await Harness.Get<IReferralStays>().StayOfAsync(referral.Id, Ct));
    }

    [Fact]
    public async Task Anonymous_start_from_a_referral_is_refused_so_the_stay_never_leads_back_to_the_person()
    {
        var participant = await ConsentingPersonAsync();
        var referral = await AcceptedAsync(participant);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(AnonymousStart() with { ReferralId = referral.Id }));

        Assert.Equal("referral_id", Field(ex));
        Assert.Empty(await Repository.ListActiveInInsatsAsync(InsatsA, Ct));
        Assert.Equal(ReferralStay.None, await Harness.Get<IReferralStays>().StayOfAsync(referral.Id, Ct));
    }

    [Fact]
    public async Task Unknown_referral_or_one_for_another_person_or_insats_is_invalid_argument_on_referral_id()
    {
        var participant = await ConsentingPersonAsync();
        var other = await ConsentingPersonAsync();
        var othersReferral = await AcceptedAsync(other);
        var otherInsats = await AcceptedAsync(participant, InsatsB);

        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(
            () => StartAsync(Identified(participant.Id) with { ReferralId = Guid.NewGuid().ToString() }));
        var otherPerson = await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(FromReferral(participant, othersReferral)));
        var wrongInsats = await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(FromReferral(participant, otherInsats)));

        Assert.Equal(["referral_id", "referral_id", "referral_id"], new[] { Field(unknown), Field(otherPerson), Field(wrongInsats) });
        Assert.Contains("annan person", otherPerson.Violations[0].Description, StringComparison.Ordinal);
        Assert.Contains("annan insats", wrongInsats.Violations[0].Description, StringComparison.Ordinal);
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task Referral_not_accepted_is_a_failed_precondition()
    {
        var participant = await ConsentingPersonAsync();
        var received = await ReferredAsync(participant);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => StartAsync(FromReferral(participant, received)));

        Assert.Equal("REFERRAL_NOT_ACCEPTED", ex.Reason);
        await WithdrawAsync(received);
        var withdrawn = await Assert.ThrowsAsync<PreconditionFailedException>(() => StartAsync(FromReferral(participant, received)));
        Assert.Equal("REFERRAL_NOT_ACCEPTED", withdrawn.Reason);
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task Start_before_the_referral_was_received_is_refused_on_start_date()
    {
        var participant = await ConsentingPersonAsync();
        var referral = await AcceptedAsync(participant, receivedOn: new DateOnly(2026, 2, 20));

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => StartAsync(FromReferral(participant, referral, startDate: new DateOnly(2026, 2, 19))));

        Assert.Equal("start_date", Field(ex));
        Assert.Contains("2026-02-20", ex.Violations[0].Description, StringComparison.Ordinal);
        Assert.NotNull(await StartAsync(FromReferral(participant, referral, startDate: new DateOnly(2026, 2, 20))));
    }

    [Fact]
    public async Task A_corrected_start_date_may_not_move_before_the_referral_either()
    {
        var participant = await ConsentingPersonAsync();
        var referral = await AcceptedAsync(participant, receivedOn: new DateOnly(2026, 2, 20));
        var enrolment = await StartAsync(FromReferral(participant, referral, startDate: new DateOnly(2026, 2, 24)));

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.Get<CorrectEnrolmentHandlers>().CorrectStartAsync(
            Staff, new CorrectEnrolmentStartCommand(enrolment.Id, Etag(enrolment), new DateOnly(2026, 2, 19), [], [], null, null, null, "Fel dag"), Ct));

        Assert.Equal("start_date", Field(ex));
    }

    [Fact]
    public async Task Wrong_start_date_and_wrong_referral_are_reported_together()
    {
        var participant = await ConsentingPersonAsync(new DateOnly(2011, 3, 10));

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(
            () => StartAsync(Identified(participant.Id) with { ReferralId = Guid.NewGuid().ToString() }));

        Assert.Equal(["referral_id", "start_date"], Fields(ex));
    }

    [Fact]
    public async Task A_referral_whose_stay_ended_starts_no_second_stay()
    {
        var participant = await ConsentingPersonAsync();
        var referral = await AcceptedAsync(participant);
        var first = await StartAsync(FromReferral(participant, referral, startDate: new DateOnly(2026, 2, 2)));
        await EndAsync(first, new DateOnly(2026, 2, 20));
        await ConsentAsync(participant, new DateOnly(2026, 2, 25));

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => StartAsync(FromReferral(participant, referral)));

        Assert.Equal(StartEnrolmentHandler.ReasonReferralAlreadyUsed, ex.Reason);
        Assert.Equal("REFERRAL_ALREADY_USED", ex.Reason);
        Assert.Single(await Repository.ListForParticipantAsync(participant.Id, Ct));
    }

    [Fact]
    public async Task A_used_referral_is_refused_even_when_its_place_was_never_released()
    {
        var participant = await ConsentingPersonAsync();
        var referral = await AcceptedAsync(participant);
        var first = await StartAsync(FromReferral(participant, referral, startDate: new DateOnly(2026, 2, 2)));
        await EndWithoutReleaseAsync(first, new DateOnly(2026, 2, 20));
        await ConsentAsync(participant, new DateOnly(2026, 2, 25));

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => StartAsync(FromReferral(participant, referral)));

        Assert.Equal(StartEnrolmentHandler.ReasonReferralAlreadyUsed, ex.Reason);
    }

    [Fact]
    public async Task The_unique_index_alone_refuses_a_second_stay_from_one_referral()
    {
        // As if two starts from one referral passed the handler's checks at once (e.g. in two insatser's names).
        var participant = await ConsentingPersonAsync();
        var referral = await AcceptedAsync(participant);
        var first = await StartAsync(FromReferral(participant, referral));
        var twin = new Enrolment
        {
            Id = Enrolment.NewId(),
            InsatsId = InsatsB,
            ParticipantId = participant.Id,
            AnonymousDownstream = false,
            Gender = first.Gender,
            AgeBand = first.AgeBand,
            Start = first.Start,
            ReferralId = referral.Id,
            StartedBy = first.StartedBy,
            StartedAt = first.StartedAt,
        };

        await Assert.ThrowsAsync<EnrolmentReferralUsedException>(() => Repository.AddAsync(twin, $"auto:{twin.Id}", [], Ct));
        // Stays without a referral never collide with each other.
        await StartAsync(AnonymousStart());
        await StartAsync(AnonymousStart());
    }

    [Fact]
    public async Task Withdrawing_an_accepted_referral_while_its_stay_runs_is_refused()
    {
        var participant = await ConsentingPersonAsync();
        var referral = await AcceptedAsync(participant);
        var enrolment = await StartAsync(FromReferral(participant, referral));

        var running = await Assert.ThrowsAsync<PreconditionFailedException>(() => WithdrawAsync(referral));

        Assert.Equal(ReferralTransitions.ReasonStayRunning, running.Reason);
        Assert.Contains("avsluta inskrivningen först", running.Message, StringComparison.Ordinal);
        Assert.Equal(1, await Places.PlacesInUseAsync(InsatsA, Ct));
        Assert.Equal(ReferralStatuses.Accepted, (await Harness.Get<IReferralRepository>().GetAsync(referral.Id, Ct))!.Status);

        await EndWithoutReleaseAsync(enrolment);
        var ended = await Assert.ThrowsAsync<PreconditionFailedException>(() => WithdrawAsync(referral));
        Assert.Equal(ReferralTransitions.ReasonInvalidTransition, ended.Reason);
    }

    [Fact]
    public async Task Accepted_referral_without_a_stay_may_still_be_withdrawn_and_frees_its_place()
    {
        var participant = await ConsentingPersonAsync();
        var referral = await AcceptedAsync(participant);

        var withdrawn = await WithdrawAsync(referral);

        Assert.Equal(ReferralStatuses.Withdrawn, withdrawn.Referral.Status);
        Assert.Equal(0, await Places.PlacesInUseAsync(InsatsA, Ct));
    }

    [Fact]
    public async Task An_ended_stay_frees_its_place_even_when_releasing_it_was_never_written()
    {
        Harness.Catalogue.Add(InsatsB, budgetedPlaces: 1);
        var participant = await ConsentingPersonAsync();
        var referral = await AcceptedAsync(participant, InsatsB);
        var enrolment = await StartAsync(FromReferral(participant, referral, InsatsB));
        Assert.Equal(1, await Places.PlacesInUseAsync(InsatsB, Ct));

        await EndWithoutReleaseAsync(enrolment);

        Assert.False((await Harness.Get<IReferralRepository>().GetAsync(referral.Id, Ct))!.PlaceReleased);
        Assert.Equal(0, await Places.PlacesInUseAsync(InsatsB, Ct));
        // The freed place is really free: the next person is accepted within the budget, also once the hold is old.
        Harness.Clock.Now = Harness.Clock.Now.Add(ReferralPlaces.Grace * 2);
        var next = await AcceptedAsync(await ConsentingPersonAsync(), InsatsB);
        Assert.False(next.OverCapacity);
        Assert.Equal(1, await Places.PlacesInUseAsync(InsatsB, Ct));
    }
}
