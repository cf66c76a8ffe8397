using System.Text.Json;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Referrals;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Participants.Referrals;

public sealed class CreateReferralTests : ReferralsTestBase
{
    private async Task<ValidationFailedException> InvalidAsync(CreateReferralCommand command, AccessContext? by = null)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Create.HandleAsync(by ?? Fk, command, Ct));
        Assert.Empty(await EventsAsync());
        return ex;
    }

    [Fact]
    public async Task Agency_system_refers_as_its_own_agency_and_the_referral_is_received()
    {
        var participant = await RegisterAsync();

        var view = await Create.HandleAsync(Fk, Command(participant.Id, receivedOn: new DateOnly(2026, 2, 27)), Ct);

        var stored = await StoredAsync(view.Referral);
        Assert.Equal(ReferralStatuses.Received, stored.Status);
        Assert.Equal(Agencies.Forsakringskassan, stored.Agency);
        Assert.Equal(participant.Id, stored.ParticipantId);
        Assert.Equal(InsatsId, stored.InsatsId);
        Assert.Equal("Behöver stöd mot arbete efter lång sjukskrivning.", stored.Purpose);
        Assert.Equal("Eva Handläggare", stored.Handlaggare);
        Assert.Equal("FK-2026-0042", stored.AgencyReference);
        Assert.Equal(new DateOnly(2026, 2, 27), stored.ReceivedOn);
        Assert.Equal(ParticipantsHarness.DefaultNow.UtcDateTime, stored.CreatedAt);
        Assert.Equal(new Actor("fk-system", Roles.AgencySystem, Agencies.Forsakringskassan), stored.CreatedBy);
        Assert.Equal(0, view.QueuePosition);
        Assert.Null(stored.DecidedAt);
    }

    [Fact]
    public async Task Received_on_defaults_to_today_in_sweden()
    {
        var participant = await RegisterAsync();
        Harness.Clock.Now = new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero); // 00:30 on 3 March in Sweden

        var view = await Create.HandleAsync(Fk, Command(participant.Id), Ct);

        Assert.Equal(new DateOnly(2026, 3, 3), view.Referral.ReceivedOn);
    }

    [Fact]
    public async Task ReferralReceived_carries_ids_and_codes_but_no_personal_data()
    {
        var participant = await RegisterAsync();

        var referral = (await Create.HandleAsync(Fk, Command(participant.Id), Ct)).Referral;

        var received = Assert.IsType<ReferralReceived>(Assert.Single(await EventsAsync()));
        Assert.Equal(new ReferralReceived(referral.Id, participant.Id, InsatsId, "fk", referral.ReceivedOn, ParticipantsHarness.DefaultNow.UtcDateTime), received);
        var json = JsonSerializer.Serialize(received);
        Assert.DoesNotContain("sjukskrivning", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Eva", json, StringComparison.Ordinal);
        Assert.DoesNotContain("FK-2026", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Maja", json, StringComparison.Ordinal);
        Assert.DoesNotContain(participant.Personnummer!.Value[..8], json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_with_skyddade_personuppgifter_is_referred_without_an_id_downstream()
    {
        var participant = await RegisterAsync(protectedIdentity: true);

        await Create.HandleAsync(Fk, Command(participant.Id), Ct);

        var received = Assert.IsType<ReferralReceived>(Assert.Single(await EventsAsync()));
        Assert.Null(received.ParticipantId);
    }

    [Fact]
    public async Task All_field_violations_are_reported_at_once_with_proto_field_names()
    {
        var ex = await InvalidAsync(
            new CreateReferralCommand("nope", " ", "", null, "   ", new string('x', 201), new string('x', 101), new DateOnly(2026, 3, 3)),
            by: Staff);

        Assert.Equal(
            ["agency", "agency_reference", "handlaggare", "insats_id", "participant_id", "purpose", "received_on", "request_id"],
            ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.All(ex.Violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
        Assert.Contains("framtiden", ex.Violations.Single(v => v.Field == "received_on").Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purpose_is_capped_at_two_thousand_characters()
    {
        var participant = await RegisterAsync();

        var ex = await InvalidAsync(Command(participant.Id, purpose: new string('å', 2001)));
        var atLimit = await Create.HandleAsync(Fk, Command(participant.Id, purpose: new string('å', 2000)), Ct);

        Assert.Equal(2000, atLimit.Referral.Purpose.Length);
        Assert.Equal("purpose", Assert.Single(ex.Violations).Field);
        Assert.Contains("2000", ex.Violations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_agency_is_refused_naming_the_allowed_ones()
    {
        var participant = await RegisterAsync();

        var ex = await InvalidAsync(Command(participant.Id, agency: "skatteverket"), by: Admin);

        var violation = Assert.Single(ex.Violations);
        Assert.Equal("agency", violation.Field);
        Assert.Contains("fk, af, kommun, region eller annan", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_must_name_the_referring_agency()
    {
        var participant = await RegisterAsync();

        var ex = await InvalidAsync(Command(participant.Id), by: Staff);
        var view = await Create.HandleAsync(Staff, Command(participant.Id, agency: "kommun"), Ct);

        Assert.Equal("agency", Assert.Single(ex.Violations).Field);
        Assert.Equal("kommun", view.Referral.Agency);
    }

    [Fact]
    public async Task An_agency_system_may_not_refer_in_another_agencys_name_and_the_denial_is_logged()
    {
        var participant = await RegisterAsync();

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => Create.HandleAsync(Fk, Command(participant.Id, agency: "af"), Ct));

        Assert.Equal(ReferralAccess.ReasonNotOwnAgency, ex.Reason);
        Assert.Empty(await Repository.ListForParticipantAsync(participant.Id, Ct));
        var entry = Assert.Single(await LogAsync(participant.Id), e => e.Action == AccessActions.Refer);
        Assert.Equal(AccessOutcome.Denied, entry.Outcome);
    }

    [Fact]
    public async Task The_referral_is_logged_as_a_referral_of_the_person()
    {
        var participant = await RegisterAsync();

        await Create.HandleAsync(Fk, Command(participant.Id), Ct);

        var entry = Assert.Single(await LogAsync(participant.Id), e => e.Action == AccessActions.Refer);
        Assert.Equal(AccessOutcome.Allowed, entry.Outcome);
        Assert.Equal("fk-system", entry.Subject);
    }

    [Theory]
    [InlineData(Roles.Gruppledare)]
    [InlineData(Roles.Insatsansvarig)]
    [InlineData(Roles.Analytiker)]
    public async Task Roles_that_register_nobody_may_not_refer(string role)
    {
        var participant = await RegisterAsync();

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Create.HandleAsync(ParticipantsHarness.As(role, "someone", null, InsatsId), Command(participant.Id, agency: "fk"), Ct));

        Assert.Equal(ParticipantAccess.ReasonRoleNotAllowed, ex.Reason);
    }

    [Fact]
    public async Task An_unknown_insats_is_invalid_argument_on_insats_id()
    {
        var participant = await RegisterAsync();

        var ex = await InvalidAsync(Command(participant.Id, insatsId: "finns-inte"));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal("insats_id", violation.Field);
        Assert.Equal("Insatsen finns inte.", violation.Description);
    }

    [Theory]
    [InlineData("structural")]
    [InlineData("count-only")]
    public async Task An_insats_without_participants_takes_no_referrals(string kind)
    {
        Harness.Catalogue.Add("insats-struktur", kind: kind);
        var participant = await RegisterAsync();

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => Create.HandleAsync(Fk, Command(participant.Id, insatsId: "insats-struktur"), Ct));

        Assert.Equal(CreateReferralHandler.ReasonInsatsHasNoParticipants, ex.Reason);
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task An_unknown_participant_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<NotFoundException>(() => Create.HandleAsync(Fk, Command(Guid.NewGuid().ToString()), Ct));

        Assert.Equal("PARTICIPANT_NOT_FOUND", ex.Reason);
    }

    [Fact]
    public async Task A_retried_request_id_returns_the_first_referral_and_stores_one()
    {
        var participant = await RegisterAsync();
        var requestId = Guid.NewGuid().ToString();

        var first = await Create.HandleAsync(Fk, Command(participant.Id, requestId: requestId), Ct);
        var second = await Create.HandleAsync(Fk, Command(participant.Id, requestId: requestId.ToUpperInvariant(), purpose: "Annat syfte"), Ct);

        Assert.Equal(first.Referral.Id, second.Referral.Id);
        Assert.Equal(first.Referral.Purpose, second.Referral.Purpose);
        Assert.Single(await Repository.ListForParticipantAsync(participant.Id, Ct));
        Assert.Single(await EventsAsync());
    }

    [Fact]
    public async Task Concurrent_retries_of_one_request_store_one_referral()
    {
        var participant = await RegisterAsync();
        var requestId = Guid.NewGuid().ToString();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Create.HandleAsync(Fk, Command(participant.Id, requestId: requestId), Ct))));

        Assert.Single(results.Select(r => r.Referral.Id).Distinct());
        Assert.Single(await Repository.ListForParticipantAsync(participant.Id, Ct));
        Assert.Single(await EventsAsync());
    }

    [Fact]
    public async Task Another_callers_request_id_does_not_reveal_their_referral()
    {
        var participant = await RegisterAsync();
        var requestId = Guid.NewGuid().ToString();
        await Create.HandleAsync(Fk, Command(participant.Id, requestId: requestId), Ct);

        var ex = await Assert.ThrowsAsync<AlreadyExistsException>(() => Create.HandleAsync(Af, Command(participant.Id, requestId: requestId), Ct));

        Assert.Equal(CreateReferralHandler.ReasonRequestIdTaken, ex.Reason);
        Assert.DoesNotContain("sjukskrivning", ex.Message, StringComparison.Ordinal);
    }
}
