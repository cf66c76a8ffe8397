using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Consents;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Participants.Registry;

/// <summary>
/// Personnummer and name: for the one who registered the person and administrators; skyddade
/// personuppgifter only for the registering role (and, for agency systems, the registering agency).
/// </summary>
public sealed class GetParticipantIdentityTests : IAsyncLifetime
{
    private ParticipantsHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GetParticipantIdentityHandler Handler => _harness.Get<GetParticipantIdentityHandler>();

    public async ValueTask InitializeAsync() => _harness = await ParticipantsHarness.StartAsync();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private Task<Participant> ReadAsync(AccessContext context, Participant participant) => Handler.HandleAsync(context, participant.Id, Ct);

    private async Task<PermissionDeniedException> DeniedAsync(AccessContext context, Participant participant)
    {
        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => ReadAsync(context, participant));
        var entry = await _harness.LastLogEntryAsync(participant.Id);
        Assert.Equal((AccessActions.ReadIdentity, context.Caller.Subject, AccessOutcome.Denied), (entry.Action, entry.Subject, entry.Outcome));
        return ex;
    }

    private Task GiveConsentAsync(Participant participant, params string[] agencies) => GiveConsentAsync(RegistryTestData.Registrar, participant, agencies);

    private Task GiveConsentAsync(AccessContext by, Participant participant, params string[] agencies) =>
        _harness.Get<ConsentHandlers>().GiveAsync(by, new GiveConsentCommand(participant.Id, agencies, new DateOnly(2026, 3, 1)), Ct);

    [Fact]
    public async Task Registrant_reads_personnummer_and_name()
    {
        var participant = await _harness.RegisterAsync(personnummer: "19121212-1212", given: "Greta", family: "Garbo");

        var read = await ReadAsync(RegistryTestData.Registrar, participant);

        Assert.Equal("191212121212", read.Personnummer!.Value);
        Assert.Equal(new PersonName("Greta", "Garbo"), read.Name);
        var entry = await _harness.LastLogEntryAsync(participant.Id);
        Assert.Equal((AccessActions.ReadIdentity, RegistryTestData.RegistrarSubject, AccessOutcome.Allowed), (entry.Action, entry.Subject, entry.Outcome));
    }

    [Fact]
    public async Task Administrator_reads_the_identity_of_anyone_without_protection()
    {
        var participant = await _harness.RegisterAsync();

        var read = await ReadAsync(RegistryTestData.Administrator, participant);

        Assert.Equal(participant.Personnummer, read.Personnummer);
    }

    [Theory]
    [MemberData(nameof(RegistryTestData.RolesWithoutPersonalData), MemberType = typeof(RegistryTestData))]
    public async Task Roles_without_personal_data_are_denied(string role)
    {
        var participant = await _harness.RegisterAsync();

        var ex = await DeniedAsync(ParticipantsHarness.As(role, $"{role}-1"), participant);

        Assert.Equal(ParticipantAccess.ReasonRoleNotAllowed, ex.Reason);
    }

    [Fact]
    public async Task Staff_not_working_with_the_person_are_denied()
    {
        var participant = await _harness.RegisterAsync();

        var ex = await DeniedAsync(ParticipantsHarness.As(Roles.Deltagaransvarig, "another-insats-staff", null, "insats-x"), participant);

        Assert.Equal(ParticipantAccess.ReasonNotInOwnInsats, ex.Reason);
    }

    [Fact]
    public async Task Agency_system_needs_consent_for_its_agency()
    {
        var participant = await _harness.RegisterAsync();
        var fk = RegistryTestData.AgencySystem(Agencies.Forsakringskassan);

        var ex = await DeniedAsync(fk, participant);
        Assert.Equal(ParticipantAccess.ReasonConsentMissing, ex.Reason);

        await GiveConsentAsync(participant, Agencies.Forsakringskassan);
        Assert.Equal(participant.Personnummer, (await ReadAsync(fk, participant)).Personnummer);
    }

    [Fact]
    public async Task Agency_system_token_without_an_agency_is_denied()
    {
        var participant = await _harness.RegisterAsync();

        var ex = await DeniedAsync(ParticipantsHarness.As(Roles.AgencySystem, "nameless-system"), participant);

        Assert.Equal(ParticipantAccess.ReasonAgencyMissing, ex.Reason);
    }

    [Fact]
    public async Task Protected_identity_is_shown_to_the_registrant()
    {
        var participant = await _harness.RegisterAsync(protectedIdentity: true, given: "Skyddad");

        Assert.Equal("Skyddad", (await ReadAsync(RegistryTestData.Registrar, participant)).Name!.Given);
    }

    [Fact]
    public async Task Protected_identity_is_hidden_even_from_an_administrator_of_another_role()
    {
        var participant = await _harness.RegisterAsync(protectedIdentity: true);

        var ex = await DeniedAsync(RegistryTestData.Administrator, participant);

        Assert.Equal(ParticipantAccess.ReasonProtectedIdentity, ex.Reason);
        Assert.DoesNotContain(participant.Name!.Given, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protected_identity_registered_by_an_administrator_is_shown_to_administrators()
    {
        var participant = await _harness.RegisterAsync(by: RegistryTestData.Administrator, protectedIdentity: true);

        var read = await ReadAsync(ParticipantsHarness.As(Roles.Administrator, "admin-2"), participant);

        Assert.Equal(participant.Personnummer, read.Personnummer);
    }

    [Fact]
    public async Task Protected_identity_from_an_agency_is_shown_to_that_agency_only()
    {
        var registrar = RegistryTestData.AgencySystem(Agencies.Arbetsformedlingen, "af-registrar");
        var participant = await _harness.RegisterAsync(by: registrar, protectedIdentity: true);
        await GiveConsentAsync(RegistryTestData.Administrator, participant, Agencies.Arbetsformedlingen, Agencies.Forsakringskassan);

        // Another system of the same agency is the registering role: allowed, under the consent.
        var sameAgency = await ReadAsync(RegistryTestData.AgencySystem(Agencies.Arbetsformedlingen, "af-other-system"), participant);
        Assert.Equal(participant.Personnummer, sameAgency.Personnummer);

        // Same role, other agency: consent covers it, but the protected identity doesn't leave the agency.
        var ex = await DeniedAsync(RegistryTestData.AgencySystem(Agencies.Forsakringskassan, "fk-system"), participant);
        Assert.Equal(ParticipantAccess.ReasonProtectedIdentity, ex.Reason);
    }

    [Fact]
    public async Task Protected_person_is_still_readable_without_identity_by_those_allowed()
    {
        var participant = await _harness.RegisterAsync(protectedIdentity: true);

        var read = await _harness.Get<GetParticipantHandler>().HandleAsync(RegistryTestData.Administrator, participant.Id, Ct);

        Assert.True(read.ProtectedIdentity);
        Assert.Null(read.DownstreamId);
    }

    [Fact]
    public async Task Unknown_participant_is_not_found_and_missing_id_names_the_field()
    {
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => Handler.HandleAsync(RegistryTestData.Administrator, Guid.NewGuid().ToString(), Ct));
        Assert.Equal(ParticipantLoader.ReasonNotFound, missing.Reason);

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(RegistryTestData.Administrator, " ", Ct));
        Assert.Equal("participant_id", Assert.Single(invalid.Violations).Field);
    }
}
