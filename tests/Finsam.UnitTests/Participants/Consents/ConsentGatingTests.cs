using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Consents;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.UnitTests.Participants.Registry;

namespace Finsam.UnitTests.Participants.Consents;

/// <summary>
/// An agency's system may read about a person someone else registered only while the person's consent
/// covers that agency; without it, PERMISSION_DENIED with CONSENT_MISSING naming the agency.
/// </summary>
public sealed class ConsentGatingTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static readonly AccessContext Af = RegistryTestData.AgencySystem(Agencies.Arbetsformedlingen, "af-case-system");

    private ParticipantsHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _harness = await ParticipantsHarness.StartAsync();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private Task<Participant> ReadAsAfAsync(Participant participant) => _harness.Get<GetParticipantHandler>().HandleAsync(Af, participant.Id, Ct);

    private Task<Consent> GiveAsync(Participant participant, DateOnly givenOn, params string[] agencies) =>
        _harness.Get<ConsentHandlers>().GiveAsync(RegistryTestData.Registrar, new GiveConsentCommand(participant.Id, agencies, givenOn), Ct);

    private async Task AssertConsentMissingAsync(Participant participant)
    {
        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => ReadAsAfAsync(participant));
        Assert.Equal(ParticipantAccess.ReasonConsentMissing, ex.Reason);
        Assert.Equal("CONSENT_MISSING", ex.Reason);
        Assert.Contains("Arbetsförmedlingen", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Samtycke", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agency_reads_only_while_a_consent_covers_it()
    {
        var participant = await _harness.RegisterAsync();

        await AssertConsentMissingAsync(participant);

        var consent = await GiveAsync(participant, Today, Agencies.Arbetsformedlingen, Agencies.Kommun);
        Assert.Equal(participant.Id, (await ReadAsAfAsync(participant)).Id);

        await _harness.Get<ConsentHandlers>().WithdrawAsync(RegistryTestData.Registrar, new WithdrawConsentCommand(participant.Id, consent.Id, null), Ct);
        await AssertConsentMissingAsync(participant);

        Assert.Equal(
            [AccessOutcome.Denied, AccessOutcome.Allowed, AccessOutcome.Denied],
            (await _harness.LogAsync(participant.Id)).Where(e => e.Subject == "af-case-system").Select(e => e.Outcome));
    }

    [Fact]
    public async Task Consent_for_other_agencies_does_not_let_af_read()
    {
        var participant = await _harness.RegisterAsync();
        await GiveAsync(participant, Today.AddDays(-7), Agencies.Forsakringskassan, Agencies.Region);

        await AssertConsentMissingAsync(participant);
    }

    [Fact]
    public async Task Consent_withdrawn_earlier_no_longer_counts_and_a_fresh_one_does()
    {
        var participant = await _harness.RegisterAsync();
        var old = await GiveAsync(participant, Today.AddDays(-30), Agencies.Arbetsformedlingen);
        await _harness.Get<ConsentHandlers>().WithdrawAsync(RegistryTestData.Registrar, new WithdrawConsentCommand(participant.Id, old.Id, Today.AddDays(-10)), Ct);
        await AssertConsentMissingAsync(participant);

        await GiveAsync(participant, Today, Agencies.Arbetsformedlingen);

        Assert.Equal(participant.Id, (await ReadAsAfAsync(participant)).Id);
    }

    [Fact]
    public async Task Consent_gates_identity_history_and_consent_reads_too()
    {
        var participant = await _harness.RegisterAsync();

        var reads = new Func<Task>[]
        {
            () => _harness.Get<GetParticipantIdentityHandler>().HandleAsync(Af, participant.Id, Ct),
            () => _harness.Get<GetParticipantHistoryHandler>().HandleAsync(Af, participant.Id, Ct),
            () => _harness.Get<ConsentHandlers>().ListAsync(Af, participant.Id, Ct),
        };
        foreach (var read in reads)
        {
            Assert.Equal(ParticipantAccess.ReasonConsentMissing, (await Assert.ThrowsAsync<PermissionDeniedException>(read)).Reason);
        }

        await GiveAsync(participant, Today, Agencies.Arbetsformedlingen);
        foreach (var read in reads)
        {
            await read();
        }
    }

    [Fact]
    public async Task Agency_that_registered_the_person_needs_no_consent()
    {
        var participant = await _harness.RegisterAsync(by: Af);

        Assert.Equal(participant.Id, (await ReadAsAfAsync(participant)).Id);
    }

    [Fact]
    public async Task Consent_message_names_each_agency_in_swedish()
    {
        var participant = await _harness.RegisterAsync();

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            _harness.Get<GetParticipantHandler>().HandleAsync(RegistryTestData.AgencySystem(Agencies.Forsakringskassan, "fk-system"), participant.Id, Ct));

        Assert.Contains("Försäkringskassan", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_agency_reads_its_registration_but_not_the_journey_without_consent()
    {
        // FK registered the person itself: the registration is its own information …
        var fk = RegistryTestData.AgencySystem(Agencies.Forsakringskassan, "fk-case-system");
        var participant = await _harness.RegisterAsync(by: fk);
        Assert.Equal(participant.Id, (await _harness.Get<GetParticipantHandler>().HandleAsync(fk, participant.Id, Ct)).Id);

        // … but what the insats and other agencies recorded since (here: consents) needs the person's consent.
        var consents = await Assert.ThrowsAsync<PermissionDeniedException>(() => _harness.Get<ConsentHandlers>().ListAsync(fk, participant.Id, Ct));
        Assert.Equal(ParticipantAccess.ReasonConsentMissing, consents.Reason);
    }

    [Fact]
    public async Task An_agency_system_cannot_record_consent_not_even_for_itself()
    {
        var fk = RegistryTestData.AgencySystem(Agencies.Forsakringskassan, "fk-case-system");
        var participant = await _harness.RegisterAsync(by: fk);

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => _harness.Get<ConsentHandlers>().GiveAsync(fk, new GiveConsentCommand(participant.Id, [Agencies.Forsakringskassan], Today), Ct));

        Assert.Equal(ParticipantAccess.ReasonRoleNotAllowed, ex.Reason);
        Assert.Empty((await _harness.Get<ConsentHandlers>().ListAsync(RegistryTestData.Administrator, participant.Id, Ct)).Consents);
    }

    [Fact]
    public async Task Consent_lets_an_agency_read_but_not_correct_what_another_registered()
    {
        var participant = await _harness.RegisterAsync();
        await GiveAsync(participant, Today, Agencies.Arbetsformedlingen);
        var read = await ReadAsAfAsync(participant);

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => _harness.Get<CorrectParticipantHandler>().HandleAsync(
            Af, new CorrectParticipantCommand(participant.Id, read.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), "Annan", null, null, "Fel namn"), Ct));

        Assert.Equal(ParticipantAccess.ReasonRoleNotAllowed, ex.Reason);
        Assert.Contains((await _harness.LogAsync(participant.Id)), e => e is { Subject: "af-case-system", Action: AccessActions.Correct, Outcome: AccessOutcome.Denied });
    }
}
