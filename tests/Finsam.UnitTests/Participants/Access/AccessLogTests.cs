using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Consents;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Participants.Infrastructure;
using Finsam.Platform.Errors;
using Finsam.Platform.Ids;
using Finsam.Platform.Security;
using Finsam.UnitTests.Participants.Registry;

namespace Finsam.UnitTests.Participants.Access;

/// <summary>
/// Every read or change of personal data leaves one entry (who, role, agency, what, about whom, when, why,
/// allowed or denied); the person's extract lists them oldest first; nothing can change or remove one.
/// </summary>
public sealed class AccessLogTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private ParticipantsHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GetAccessLogExtractHandler Extract => _harness.Get<GetAccessLogExtractHandler>();

    public async ValueTask InitializeAsync() => _harness = await ParticipantsHarness.StartAsync();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    /// <summary>Each step a minute after the last, so "when" is checkable.</summary>
    private void NextMinute() => _harness.Clock.Now = _harness.Clock.Now.AddMinutes(1);

    [Fact]
    public async Task Every_read_and_change_leaves_one_entry_and_the_extract_lists_them_oldest_first()
    {
        var registrar = RegistryTestData.Registrar with { Purpose = AccessPurposes.Handlaggning };
        var followUp = RegistryTestData.Registrar with { Purpose = AccessPurposes.Uppfoljning };
        var admin = RegistryTestData.Administrator with { Purpose = AccessPurposes.Support };
        var af = RegistryTestData.AgencySystem(Agencies.Arbetsformedlingen, "af-system");
        var gruppledare = ParticipantsHarness.As(Roles.Gruppledare, "gruppledare-1");
        var extractor = RegistryTestData.Administrator with { Purpose = AccessPurposes.Registerutdrag };
        var start = _harness.Clock.Now;

        var participant = await _harness.RegisterAsync(by: registrar);
        NextMinute();
        await _harness.Get<GetParticipantHandler>().HandleAsync(followUp, participant.Id, Ct);
        NextMinute();
        await _harness.Get<GetParticipantIdentityHandler>().HandleAsync(admin, participant.Id, Ct);
        NextMinute();
        await _harness.Get<SearchParticipantsHandler>().HandleAsync(registrar, participant.Personnummer!.Value, Ct);
        NextMinute();
        var corrected = await _harness.Get<CorrectParticipantHandler>().HandleAsync(
            registrar, new CorrectParticipantCommand(participant.Id, Etags.Of(participant.Version), "Annie", null, null, "Stavfel"), Ct);
        NextMinute();
        await _harness.Get<GetParticipantHistoryHandler>().HandleAsync(admin, participant.Id, Ct);
        NextMinute();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => _harness.Get<GetParticipantHandler>().HandleAsync(af, participant.Id, Ct));
        NextMinute();
        var consent = await _harness.Get<ConsentHandlers>().GiveAsync(registrar, new GiveConsentCommand(participant.Id, ["af"], Today), Ct);
        NextMinute();
        await _harness.Get<GetParticipantHandler>().HandleAsync(af, participant.Id, Ct);
        NextMinute();
        await _harness.Get<ConsentHandlers>().ListAsync(registrar, participant.Id, Ct);
        NextMinute();
        await _harness.Get<ConsentHandlers>().WithdrawAsync(registrar, new WithdrawConsentCommand(participant.Id, consent.Id, null), Ct);
        NextMinute();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => _harness.Get<GetParticipantIdentityHandler>().HandleAsync(gruppledare, participant.Id, Ct));
        NextMinute();

        var extract = await Extract.HandleAsync(extractor, participant.Id, Ct);

        var samordnare = (RegistryTestData.RegistrarSubject, Roles.Samordnare, (string?)null);
        var administrator = ("admin-1", Roles.Administrator, (string?)null);
        var agency = ("af-system", Roles.AgencySystem, (string?)"af");
        Assert.Equal(
            [
                (AccessActions.Register, samordnare, AccessPurposes.Handlaggning, AccessOutcome.Allowed),
                (AccessActions.Read, samordnare, AccessPurposes.Uppfoljning, AccessOutcome.Allowed),
                (AccessActions.ReadIdentity, administrator, AccessPurposes.Support, AccessOutcome.Allowed),
                (AccessActions.Search, samordnare, AccessPurposes.Handlaggning, AccessOutcome.Allowed),
                (AccessActions.Correct, samordnare, AccessPurposes.Handlaggning, AccessOutcome.Allowed),
                (AccessActions.ReadHistory, administrator, AccessPurposes.Support, AccessOutcome.Allowed),
                (AccessActions.Read, agency, AccessPurposes.Handlaggning, AccessOutcome.Denied),
                (AccessActions.GiveConsent, samordnare, AccessPurposes.Handlaggning, AccessOutcome.Allowed),
                (AccessActions.Read, agency, AccessPurposes.Handlaggning, AccessOutcome.Allowed),
                (AccessActions.ReadConsents, samordnare, AccessPurposes.Handlaggning, AccessOutcome.Allowed),
                (AccessActions.WithdrawConsent, samordnare, AccessPurposes.Handlaggning, AccessOutcome.Allowed),
                (AccessActions.ReadIdentity, ("gruppledare-1", Roles.Gruppledare, (string?)null), AccessPurposes.Handlaggning, AccessOutcome.Denied),
                // Producing the extract reads the person's data too, so it is in the extract.
                (AccessActions.ReadAccessLog, administrator, AccessPurposes.Registerutdrag, AccessOutcome.Allowed),
            ],
            extract.Select(e => (e.Action, (e.Subject, e.Role, e.Agency), e.Purpose, e.Outcome)));
        Assert.Equal(Enumerable.Range(0, extract.Count).Select(i => start.UtcDateTime.AddMinutes(i)), extract.Select(e => e.At));
        Assert.All(extract, e => Assert.Equal(participant.Id, e.ParticipantId));
        Assert.All(extract, e => Assert.Equal(DateTimeKind.Utc, e.At.Kind));
        Assert.Equal(extract.Count, extract.Select(e => e.Id).Distinct().Count());
        Assert.NotNull(corrected);
    }

    [Fact]
    public void Log_ids_increase_even_within_one_millisecond()
    {
        // The extract is in id order; thousands of ids a millisecond must still come out in the order made.
        var ids = Enumerable.Range(0, 20_000).Select(_ => SequentialIds.Next()).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids.Take(100), id => Assert.Equal(7, Guid.Parse(id).Version));
    }

    [Fact]
    public async Task Entries_written_in_the_same_instant_keep_their_order()
    {
        // The clock stands still: the extract must still be in the order things happened.
        var participant = await _harness.RegisterAsync();
        var log = _harness.Get<IAccessLog>();
        var actions = Enumerable.Range(0, 40).Select(i => $"test.step-{i:D3}").ToList();

        foreach (var action in actions)
        {
            await log.RecordAsync(RegistryTestData.Registrar, action, participant.Id, AccessOutcome.Allowed, Ct);
        }

        Assert.Equal([AccessActions.Register, .. actions], (await _harness.LogAsync(participant.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Extract_holds_only_the_persons_own_entries()
    {
        var first = await _harness.RegisterAsync();
        var second = await _harness.RegisterAsync();
        await _harness.Get<GetParticipantHandler>().HandleAsync(RegistryTestData.Registrar, second.Id, Ct);

        var extract = await Extract.HandleAsync(RegistryTestData.Administrator, first.Id, Ct);

        Assert.Equal([AccessActions.Register, AccessActions.ReadAccessLog], extract.Select(e => e.Action));
        Assert.All(extract, e => Assert.Equal(first.Id, e.ParticipantId));
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Samordnare)]
    [InlineData(Roles.Deltagaransvarig)]
    public async Task Staff_with_access_and_administrators_may_produce_the_extract(string role)
    {
        var participant = await _harness.RegisterAsync(by: ParticipantsHarness.As(role, "registrant"));

        var extract = await Extract.HandleAsync(ParticipantsHarness.As(role, "registrant"), participant.Id, Ct);

        Assert.Equal(AccessActions.ReadAccessLog, extract[^1].Action);
    }

    [Theory]
    [InlineData(Roles.AgencySystem)]
    [InlineData(Roles.Gruppledare)]
    [InlineData(Roles.Insatsansvarig)]
    [InlineData(Roles.Analytiker)]
    [InlineData(Roles.Ledning)]
    [InlineData(Roles.Forbundschef)]
    public async Task Other_roles_are_denied_the_extract_and_the_attempt_is_logged(string role)
    {
        var participant = await _harness.RegisterAsync();
        var caller = ParticipantsHarness.As(role, $"{role}-1", role == Roles.AgencySystem ? Agencies.Kommun : null);

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => Extract.HandleAsync(caller, participant.Id, Ct));

        Assert.Equal(ParticipantAccess.ReasonRoleNotAllowed, ex.Reason);
        var entry = await _harness.LastLogEntryAsync(participant.Id);
        Assert.Equal((AccessActions.ReadAccessLog, $"{role}-1", role, AccessOutcome.Denied), (entry.Action, entry.Subject, entry.Role, entry.Outcome));
    }

    [Fact]
    public async Task Extract_of_staff_without_access_to_the_person_is_denied_and_logged()
    {
        var participant = await _harness.RegisterAsync();

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            Extract.HandleAsync(ParticipantsHarness.As(Roles.Samordnare, "other-samordnare"), participant.Id, Ct));

        Assert.Equal(ParticipantAccess.ReasonNotInOwnInsats, ex.Reason);
        Assert.Equal(AccessOutcome.Denied, (await _harness.LastLogEntryAsync(participant.Id)).Outcome);
    }

    [Fact]
    public void The_log_can_only_be_appended_to_and_read()
    {
        Assert.Equal(
            [nameof(IAccessLog.ListForParticipantAsync), nameof(IAccessLog.RecordAsync)],
            typeof(IAccessLog).GetMethods().Select(m => m.Name).Order(StringComparer.Ordinal));
        // Nor does the store adapter offer more than the port: no public way to change or remove an entry.
        Assert.Equal(
            [nameof(IAccessLog.ListForParticipantAsync), nameof(IAccessLog.RecordAsync)],
            typeof(DocumentAccessLog).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
                .Select(m => m.Name).Order(StringComparer.Ordinal));
    }
}
