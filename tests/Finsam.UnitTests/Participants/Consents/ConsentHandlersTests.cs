using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Consents;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Participants.Infrastructure;
using Finsam.Platform.Errors;
using Finsam.UnitTests.Participants.Registry;

namespace Finsam.UnitTests.Participants.Consents;

/// <summary>Samtycke: given for named agencies on a date, withdrawable once, never deleted; each change one write with its event.</summary>
public sealed class ConsentHandlersTests : IAsyncLifetime
{
    // 09:00 UTC on 2 March 2026 is 10:00 the same day in Stockholm.
    private static readonly DateOnly Today = new(2026, 3, 2);

    private ParticipantsHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ConsentHandlers Handlers => _harness.Get<ConsentHandlers>();

    public async ValueTask InitializeAsync() => _harness = await ParticipantsHarness.StartAsync();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private Task<Consent> GiveAsync(Participant participant, DateOnly? givenOn, params string[] agencies) =>
        Handlers.GiveAsync(RegistryTestData.Registrar, new GiveConsentCommand(participant.Id, agencies, givenOn), Ct);

    private Task<Consent> WithdrawAsync(Participant participant, Consent consent, DateOnly? withdrawnOn = null) =>
        Handlers.WithdrawAsync(RegistryTestData.Registrar, new WithdrawConsentCommand(participant.Id, consent.Id, withdrawnOn), Ct);

    private async Task<Participant> StoredAsync(Participant participant) =>
        (await _harness.Get<IParticipantRepository>().GetAsync(participant.Id, Ct))!;

    private async Task<List<T>> EventsAsync<T>() =>
        (await _harness.PendingEventsAsync(ParticipantDocument.CollectionName)).OfType<T>().ToList();

    [Fact]
    public async Task Given_consent_is_stored_and_published()
    {
        var participant = await _harness.RegisterAsync();

        var consent = await GiveAsync(participant, Today.AddDays(-3), " af ", "fk", "af");

        Assert.Equal(["af", "fk"], consent.Agencies);
        Assert.Equal(Today.AddDays(-3), consent.GivenOn);
        Assert.Null(consent.WithdrawnOn);
        Assert.Equal(RegistryTestData.Registrar.Actor, consent.RecordedBy);
        var stored = Assert.Single((await StoredAsync(participant)).Consents);
        Assert.Equal((consent.Id, consent.GivenOn), (stored.Id, stored.GivenOn));
        Assert.Equal(["af", "fk"], stored.Agencies);
        var given = Assert.Single(await EventsAsync<ConsentGiven>());
        Assert.Equal((consent.Id, participant.Id, Today.AddDays(-3), ParticipantsHarness.DefaultNow.UtcDateTime), (given.ConsentId, given.ParticipantId, given.GivenOn, given.OccurredAt));
        Assert.Equal(["af", "fk"], given.Agencies);
    }

    [Fact]
    public async Task Consent_given_today_is_accepted()
    {
        var participant = await _harness.RegisterAsync();

        var consent = await GiveAsync(participant, Today, "kommun");

        Assert.True(consent.IsActiveOn(Today));
    }

    [Fact]
    public async Task Unknown_agency_is_named_in_a_violation_of_agencies()
    {
        var participant = await _harness.RegisterAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => GiveAsync(participant, Today, "af", "skatteverket"));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal("agencies", violation.Field);
        Assert.Contains("skatteverket", violation.Description, StringComparison.Ordinal);
        Assert.Empty((await StoredAsync(participant)).Consents);
    }

    [Fact]
    public async Task Agency_codes_are_case_sensitive_codes_not_names()
    {
        var participant = await _harness.RegisterAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => GiveAsync(participant, Today, "AF"));

        Assert.Equal("agencies", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Missing_agencies_and_future_date_are_reported_together_and_nothing_is_written()
    {
        var participant = await _harness.RegisterAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => GiveAsync(participant, Today.AddDays(1)));

        Assert.Equal(["agencies", "given_on"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Contains("framtiden", ex.Violations.Single(v => v.Field == "given_on").Description, StringComparison.Ordinal);
        Assert.Empty((await StoredAsync(participant)).Consents);
        Assert.Empty(await EventsAsync<ConsentGiven>());
    }

    [Fact]
    public async Task Missing_date_names_given_on()
    {
        var participant = await _harness.RegisterAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => GiveAsync(participant, null, "af"));

        Assert.Equal("given_on", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Withdrawal_sets_the_date_and_publishes_consent_withdrawn()
    {
        var participant = await _harness.RegisterAsync();
        var consent = await GiveAsync(participant, Today.AddDays(-10), "af");

        var withdrawn = await WithdrawAsync(participant, consent);

        Assert.Equal(Today, withdrawn.WithdrawnOn);
        Assert.False(withdrawn.IsActiveOn(Today));
        Assert.True(withdrawn.IsActiveOn(Today.AddDays(-1)));
        Assert.Equal(Today, Assert.Single((await StoredAsync(participant)).Consents).WithdrawnOn);
        var published = Assert.Single(await EventsAsync<ConsentWithdrawn>());
        Assert.Equal(new ConsentWithdrawn(consent.Id, participant.Id, Today, ParticipantsHarness.DefaultNow.UtcDateTime), published);
    }

    [Fact]
    public async Task Withdrawal_on_an_earlier_day_is_kept()
    {
        var participant = await _harness.RegisterAsync();
        var consent = await GiveAsync(participant, Today.AddDays(-10), "af");

        var withdrawn = await WithdrawAsync(participant, consent, Today.AddDays(-2));

        Assert.Equal(Today.AddDays(-2), withdrawn.WithdrawnOn);
    }

    [Fact]
    public async Task Withdrawing_twice_is_a_failed_precondition_and_publishes_once()
    {
        var participant = await _harness.RegisterAsync();
        var consent = await GiveAsync(participant, Today.AddDays(-1), "af");
        await WithdrawAsync(participant, consent);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => WithdrawAsync(participant, consent));

        Assert.Equal(ConsentHandlers.ReasonAlreadyWithdrawn, ex.Reason);
        Assert.Single(await EventsAsync<ConsentWithdrawn>());
    }

    [Theory]
    [InlineData(-6)] // before the consent was given
    [InlineData(1)] // in the future
    public async Task Withdrawal_outside_given_day_to_today_names_withdrawn_on(int daysFromToday)
    {
        var participant = await _harness.RegisterAsync();
        var consent = await GiveAsync(participant, Today.AddDays(-5), "af");

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => WithdrawAsync(participant, consent, Today.AddDays(daysFromToday)));

        Assert.Equal("withdrawn_on", Assert.Single(ex.Violations).Field);
        Assert.Null(Assert.Single((await StoredAsync(participant)).Consents).WithdrawnOn);
        Assert.Empty(await EventsAsync<ConsentWithdrawn>());
    }

    [Fact]
    public async Task Withdrawing_an_unknown_consent_is_not_found()
    {
        var participant = await _harness.RegisterAsync();

        var ex = await Assert.ThrowsAsync<NotFoundException>(() => Handlers.WithdrawAsync(
            RegistryTestData.Registrar, new WithdrawConsentCommand(participant.Id, Guid.NewGuid().ToString(), null), Ct));

        Assert.Equal(ConsentHandlers.ReasonConsentNotFound, ex.Reason);
    }

    [Fact]
    public async Task Events_about_a_protected_person_carry_no_participant_id()
    {
        var participant = await _harness.RegisterAsync(protectedIdentity: true);
        var consent = await GiveAsync(participant, Today, "region");

        await WithdrawAsync(participant, consent);

        Assert.Null(Assert.Single(await EventsAsync<ConsentGiven>()).ParticipantId);
        Assert.Null(Assert.Single(await EventsAsync<ConsentWithdrawn>()).ParticipantId);
    }

    [Fact]
    public async Task Consents_are_listed_with_withdrawn_ones_kept()
    {
        var participant = await _harness.RegisterAsync();
        var first = await GiveAsync(participant, Today.AddDays(-20), "af");
        await WithdrawAsync(participant, first, Today.AddDays(-5));
        var second = await GiveAsync(participant, Today.AddDays(-1), "af", "kommun");

        var (_, consents) = await Handlers.ListAsync(RegistryTestData.Registrar, participant.Id, Ct);

        Assert.Equal([first.Id, second.Id], consents.Select(c => c.Id));
        Assert.Equal([Today.AddDays(-5), null], consents.Select(c => c.WithdrawnOn));
    }

    [Fact]
    public async Task Consent_changes_need_access_to_the_person()
    {
        var participant = await _harness.RegisterAsync();
        var stranger = ParticipantsHarness.As(Finsam.Platform.Security.Roles.Deltagaransvarig, "stranger", null, "insats-elsewhere");

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Handlers.GiveAsync(stranger, new GiveConsentCommand(participant.Id, ["af"], Today), Ct));

        Assert.Equal(ParticipantAccess.ReasonNotInOwnInsats, ex.Reason);
        Assert.Empty((await StoredAsync(participant)).Consents);
        Assert.Equal(AccessOutcome.Denied, (await _harness.LastLogEntryAsync(participant.Id)).Outcome);
    }

    [Fact]
    public async Task A_retried_consent_with_the_same_request_id_is_recorded_once()
    {
        var participant = await _harness.RegisterAsync();
        var requestId = Guid.NewGuid().ToString();
        var command = new GiveConsentCommand(participant.Id, ["af"], Today, requestId);

        var first = await Handlers.GiveAsync(RegistryTestData.Registrar, command, Ct);
        var retry = await Handlers.GiveAsync(RegistryTestData.Registrar, command, Ct);

        Assert.Equal(first.Id, retry.Id);
        Assert.Single((await StoredAsync(participant)).Consents);
        Assert.Single(await EventsAsync<Finsam.IntegrationEvents.Participants.V1.ConsentGiven>());
    }
}
