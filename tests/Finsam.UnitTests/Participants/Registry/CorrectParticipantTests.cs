using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Participants.Infrastructure;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Participants.Registry;

/// <summary>Corrections, not overwrites: the old value, who, when and why are kept; a stale etag loses.</summary>
public sealed class CorrectParticipantTests : IAsyncLifetime
{
    private static readonly DateTimeOffset CorrectedAt = new(2026, 3, 5, 13, 15, 0, TimeSpan.Zero);

    private ParticipantsHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CorrectParticipantHandler Handler => _harness.Get<CorrectParticipantHandler>();

    private IParticipantRepository Repository => _harness.Get<IParticipantRepository>();

    public async ValueTask InitializeAsync() => _harness = await ParticipantsHarness.StartAsync();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private static CorrectParticipantCommand Command(
        Participant participant, string? given = null, string? family = null, Gender? gender = null, string? reason = "Fel vid registreringen", string? etag = null) =>
        new(participant.Id, etag ?? Etags.Of(participant.Version), given, family, gender, reason);

    private async Task<IReadOnlyList<IIntegrationEvent>> EventsAfterRegistrationAsync() =>
        (await _harness.PendingEventsAsync(ParticipantDocument.CollectionName)).Where(e => e is not ParticipantRegistered).ToList();

    private async Task<Participant> StoredAsync(Participant participant) => (await Repository.GetAsync(participant.Id, Ct))!;

    [Fact]
    public async Task Name_and_gender_are_corrected_and_the_history_keeps_old_value_who_when_and_why()
    {
        var participant = await _harness.RegisterAsync(given: "Ana", family: "Andersson", gender: Gender.Woman);
        _harness.Clock.Now = CorrectedAt;
        var corrector = ParticipantsHarness.As(Roles.Administrator, "admin-7");

        var corrected = await Handler.HandleAsync(corrector, Command(participant, given: "Anna", gender: Gender.Other, reason: "  Stavfel enligt Skatteverket  "), Ct);

        Assert.Equal(new PersonName("Anna", "Andersson"), corrected.Name);
        Assert.Equal(Gender.Other, corrected.Gender);
        var stored = await StoredAsync(participant);
        Assert.Equal((new PersonName("Anna", "Andersson"), Gender.Other), (stored.Name, stored.Gender));
        Assert.Equal(corrected.Version, stored.Version);
        Assert.NotEqual(participant.Version, stored.Version);
        var actor = new Actor("admin-7", Roles.Administrator, null);
        Assert.Equal(
            [
                new Correction("given_name", "Ana", "Anna", actor, CorrectedAt.UtcDateTime, "Stavfel enligt Skatteverket"),
                new Correction("gender", "woman", "other", actor, CorrectedAt.UtcDateTime, "Stavfel enligt Skatteverket"),
            ],
            await _harness.Get<GetParticipantHistoryHandler>().HandleAsync(RegistryTestData.Registrar, participant.Id, Ct));
        Assert.All(stored.Corrections, c => Assert.Equal(DateTimeKind.Utc, c.ChangedAt.Kind));
    }

    [Fact]
    public async Task Later_corrections_add_to_the_history_oldest_first()
    {
        var participant = await _harness.RegisterAsync(family: "Berg");
        var first = await Handler.HandleAsync(RegistryTestData.Registrar, Command(participant, family: "Borg", reason: "Fel bokstav"), Ct);
        _harness.Clock.Now = CorrectedAt;

        await Handler.HandleAsync(RegistryTestData.Registrar, Command(first, family: "Berg-Borg", reason: "Dubbelnamn"), Ct);

        var history = await _harness.Get<GetParticipantHistoryHandler>().HandleAsync(RegistryTestData.Registrar, participant.Id, Ct);
        Assert.Equal(
            [("Berg", "Borg", "Fel bokstav"), ("Borg", "Berg-Borg", "Dubbelnamn")],
            history.Select(c => (c.OldValue, c.NewValue, c.Reason)));
    }

    [Fact]
    public async Task Gender_correction_publishes_participant_corrected()
    {
        var participant = await _harness.RegisterAsync(gender: Gender.Man, personnummer: "19811218-9876");
        _harness.Clock.Now = CorrectedAt;

        await Handler.HandleAsync(RegistryTestData.Registrar, Command(participant, gender: Gender.Woman, reason: "Fel kön registrerat"), Ct);

        var corrected = Assert.IsType<ParticipantCorrected>(Assert.Single(await EventsAfterRegistrationAsync()));
        Assert.Equal(new ParticipantCorrected(participant.Id, "woman", 1981, CorrectedAt.UtcDateTime), corrected);
    }

    [Fact]
    public async Task Name_correction_publishes_nothing()
    {
        var participant = await _harness.RegisterAsync();

        await Handler.HandleAsync(RegistryTestData.Registrar, Command(participant, given: "Annika", family: "Ek"), Ct);

        Assert.Empty(await EventsAfterRegistrationAsync());
        Assert.Equal(2, (await StoredAsync(participant)).Corrections.Count);
    }

    [Fact]
    public async Task Gender_correction_of_a_protected_person_publishes_nothing()
    {
        var participant = await _harness.RegisterAsync(protectedIdentity: true, gender: Gender.Woman);

        await Handler.HandleAsync(RegistryTestData.Registrar, Command(participant, gender: Gender.Man), Ct);

        Assert.Empty(await _harness.PendingEventsAsync(ParticipantDocument.CollectionName));
        Assert.Equal(Gender.Man, (await StoredAsync(participant)).Gender);
    }

    [Fact]
    public async Task Stale_etag_is_a_concurrency_conflict_and_changes_nothing()
    {
        var participant = await _harness.RegisterAsync(given: "Anna");
        var staleEtag = Etags.Of(participant.Version);
        await Handler.HandleAsync(RegistryTestData.Registrar, Command(participant, family: "Först"), Ct);

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Handler.HandleAsync(RegistryTestData.Registrar, Command(participant, given: "Sist", etag: staleEtag), Ct));

        Assert.Equal(CorrectParticipantHandler.ReasonChanged, ex.Reason);
        var stored = await StoredAsync(participant);
        Assert.Equal(new PersonName("Anna", "Först"), stored.Name);
        Assert.Single(stored.Corrections);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Missing_reason_names_reason_and_writes_nothing(string? reason)
    {
        var participant = await _harness.RegisterAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Handler.HandleAsync(RegistryTestData.Registrar, Command(participant, given: "Annika", reason: reason), Ct));

        Assert.Equal("reason", Assert.Single(ex.Violations).Field);
        Assert.Equal(participant.Version, (await StoredAsync(participant)).Version);
    }

    [Fact]
    public async Task Overlong_reason_and_bad_names_are_reported_together()
    {
        var participant = await _harness.RegisterAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(
            RegistryTestData.Registrar,
            Command(participant, given: "An\u0000na", family: new string('x', PersonNames.MaxLength + 1), reason: new string('r', Correction.MaxReasonLength + 1), etag: "v1"),
            Ct));

        Assert.Equal(["etag", "family_name", "given_name", "reason"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Validation_comes_before_looking_the_person_up()
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(
            RegistryTestData.Registrar, new CorrectParticipantCommand(Guid.NewGuid().ToString(), null, "Anna", null, null, null), Ct));

        Assert.Equal(["etag", "reason"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Correction_to_the_same_values_writes_nothing()
    {
        var participant = await _harness.RegisterAsync(given: "Anna", family: "Andersson", gender: Gender.Woman);

        var result = await Handler.HandleAsync(
            RegistryTestData.Registrar, Command(participant, given: " Anna ", family: "Andersson", gender: Gender.Woman), Ct);

        var stored = await StoredAsync(participant);
        Assert.Equal(participant.Version, stored.Version);
        Assert.Equal(participant.Version, result.Version);
        Assert.Empty(stored.Corrections);
        Assert.Empty(await EventsAfterRegistrationAsync());
    }

    [Fact]
    public async Task Correction_is_logged_and_a_denied_one_changes_nothing()
    {
        var participant = await _harness.RegisterAsync(protectedIdentity: true);
        await Handler.HandleAsync(RegistryTestData.Registrar, Command(participant, family: "Ny"), Ct);
        var current = await StoredAsync(participant);

        // Skyddade personuppgifter: correcting them means seeing them, so only the registering role may.
        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Handler.HandleAsync(RegistryTestData.Administrator, Command(current, family: "Annan"), Ct));

        Assert.Equal(ParticipantAccess.ReasonProtectedIdentity, ex.Reason);
        Assert.Equal("Ny", (await StoredAsync(participant)).Name!.Family);
        Assert.Equal(
            [(AccessActions.Correct, RegistryTestData.RegistrarSubject, AccessOutcome.Allowed), (AccessActions.Correct, "admin-1", AccessOutcome.Denied)],
            (await _harness.LogAsync(participant.Id)).Skip(1).Select(e => (e.Action, e.Subject, e.Outcome)));
    }

    [Theory]
    [MemberData(nameof(RegistryTestData.RolesWithoutPersonalData), MemberType = typeof(RegistryTestData))]
    public async Task Roles_without_personal_data_may_not_correct(string role)
    {
        var participant = await _harness.RegisterAsync();

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Handler.HandleAsync(ParticipantsHarness.As(role), Command(participant, given: "Annika"), Ct));

        Assert.Equal(ParticipantAccess.ReasonRoleNotAllowed, ex.Reason);
        Assert.Empty((await StoredAsync(participant)).Corrections);
    }
}
