using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Participants.Infrastructure;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Participants;

public sealed class RegisterParticipantHandlerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 10, 30, 0, TimeSpan.Zero);

    private ParticipantsHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AccessContext Staff => ParticipantsHarness.As(Roles.Samordnare, "samordnare-1");

    private RegisterParticipantHandler Handler => _harness.Get<RegisterParticipantHandler>();

    private IParticipantRepository Repository => _harness.Get<IParticipantRepository>();

    public async ValueTask InitializeAsync()
    {
        _harness = await ParticipantsHarness.StartAsync();
        _harness.Clock.Now = Now;
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private Task<IReadOnlyList<IIntegrationEvent>> EventsAsync() => _harness.PendingEventsAsync(ParticipantDocument.CollectionName);

    private Task<long> StoredAsync() => Repository.CountAsync(Ct);

    private static RegisterParticipantCommand Valid(
        string? requestId = null,
        string? personnummer = "19121212-1212",
        string? given = "Anna",
        string? family = "Andersson",
        Gender? gender = Gender.Woman,
        bool protectedIdentity = false) => new(requestId, personnummer, given, family, gender, protectedIdentity);

    private async Task<ValidationFailedException> InvalidAsync(RegisterParticipantCommand command)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(Staff, command, Ct));
        Assert.Equal(0, await StoredAsync());
        return ex;
    }

    [Fact]
    public async Task Valid_command_stores_the_participant()
    {
        var participant = await Handler.HandleAsync(Staff, Valid(), Ct);

        var stored = await Repository.GetAsync(participant.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal("191212121212", stored.Personnummer!.Value);
        Assert.Equal(new Actor("samordnare-1", Roles.Samordnare, null), stored.RegisteredBy);
        Assert.Equal("191212121212", participant.Personnummer!.Value);
        Assert.Equal(new PersonName("Anna", "Andersson"), participant.Name);
        Assert.Equal(Gender.Woman, participant.Gender);
        Assert.Equal(1912, participant.BirthYear);
        Assert.Equal(Now.UtcDateTime, participant.RegisteredAt);
        Assert.Equal(DateTimeKind.Utc, participant.RegisteredAt.Kind);
        Assert.True(Guid.TryParse(participant.Id, out _));
    }

    [Fact]
    public async Task All_field_violations_are_reported_at_once_with_proto_field_names()
    {
        var ex = await InvalidAsync(new RegisterParticipantCommand("not-a-uuid", "19121212-1213", "", "   ", null));

        Assert.Equal(
            ["family_name", "gender", "given_name", "personnummer", "request_id"],
            ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.All(ex.Violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
    }

    [Fact]
    public async Task Missing_personnummer_is_a_violation_of_its_field()
    {
        var ex = await InvalidAsync(Valid(personnummer: null));

        Assert.Equal("personnummer", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Violation_messages_do_not_echo_the_personnummer()
    {
        var ex = await InvalidAsync(Valid(personnummer: "19121212-1213"));

        Assert.DoesNotContain("1212", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_are_trimmed()
    {
        var participant = await Handler.HandleAsync(Staff, Valid(given: "  Anna Maria ", family: "\tAndersson  "), Ct);

        Assert.Equal("Anna Maria", participant.Name!.Given);
        Assert.Equal("Andersson", participant.Name!.Family);
    }

    [Fact]
    public async Task Names_up_to_one_hundred_characters_are_accepted()
    {
        var name = new string('Å', PersonNames.MaxLength);

        var participant = await Handler.HandleAsync(Staff, Valid(given: name, family: "  " + name + "  "), Ct);

        Assert.Equal(name, participant.Name!.Given);
        Assert.Equal(name, participant.Name!.Family);
    }

    [Theory]
    [InlineData("given_name")]
    [InlineData("family_name")]
    public async Task Name_longer_than_one_hundred_characters_is_refused(string field)
    {
        var tooLong = new string('a', PersonNames.MaxLength + 1);
        var command = field == "given_name" ? Valid(given: tooLong) : Valid(family: tooLong);

        var ex = await InvalidAsync(command);

        Assert.Equal(field, Assert.Single(ex.Violations).Field);
    }

    [Theory]
    [InlineData("An\nna")]
    [InlineData("Anna\u0000")]
    [InlineData("An\u001bna")]
    [InlineData("An\rna")]
    [InlineData("An\u007fna")]
    public async Task Control_characters_in_names_are_refused(string name)
    {
        var ex = await InvalidAsync(Valid(given: name, family: name));

        Assert.Equal(["family_name", "given_name"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Same_request_id_twice_returns_the_same_participant_and_stores_one()
    {
        var requestId = Guid.NewGuid().ToString();

        var first = await Handler.HandleAsync(Staff, Valid(requestId), Ct);
        var second = await Handler.HandleAsync(Staff, Valid(requestId.ToUpperInvariant()), Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, await StoredAsync());
        Assert.Single(await EventsAsync());
        Assert.Equal(first.Id, (await Repository.FindByRequestIdAsync(requestId, Ct))?.Id);
    }

    [Fact]
    public async Task Concurrent_retries_of_one_request_all_answer_with_one_participant()
    {
        var requestId = Guid.NewGuid().ToString();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Handler.HandleAsync(Staff, Valid(requestId), Ct))));

        Assert.Single(results.Select(p => p.Id).Distinct());
        Assert.Equal(1, await StoredAsync());
        Assert.Single(await EventsAsync());
    }

    [Fact]
    public async Task Without_request_id_each_call_is_its_own_request()
    {
        var first = await Handler.HandleAsync(Staff, Valid(personnummer: "19121212-1212"), Ct);
        var second = await Handler.HandleAsync(Staff, Valid(personnummer: "811218-9876"), Ct);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, await StoredAsync());
    }

    [Fact]
    public async Task Registering_a_personnummer_twice_is_already_exists()
    {
        await Handler.HandleAsync(Staff, Valid(Guid.NewGuid().ToString(), personnummer: "19121212-1212"), Ct);

        // Same person, other spelling and another request.
        var ex = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => Handler.HandleAsync(Staff, Valid(Guid.NewGuid().ToString(), personnummer: "121212+1212", given: "Other"), Ct));

        Assert.Equal(RegisterParticipantHandler.ReasonPersonnummerTaken, ex.Reason);
        Assert.Equal("PERSONNUMMER_ALREADY_REGISTERED", ex.Reason);
        Assert.DoesNotContain("1212", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, await StoredAsync());
    }

    [Theory]
    [InlineData(Gender.Woman, "woman")]
    [InlineData(Gender.Man, "man")]
    [InlineData(Gender.Other, "other")]
    public async Task Registered_event_carries_id_gender_and_birth_year(Gender gender, string expected)
    {
        var participant = await Handler.HandleAsync(Staff, Valid(personnummer: "811218-9876", gender: gender), Ct);

        var registered = Assert.IsType<ParticipantRegistered>(Assert.Single(await EventsAsync()));
        Assert.Equal(participant.Id, registered.ParticipantId);
        Assert.Equal(expected, registered.Gender);
        Assert.Equal(1981, registered.BirthYear);
        Assert.Equal(Now.UtcDateTime, registered.OccurredAt);
    }

    [Fact]
    public async Task Registered_event_carries_no_personnummer_and_no_name()
    {
        await Handler.HandleAsync(Staff, Valid(personnummer: "811218-9876", given: "Karin", family: "Lindqvist"), Ct);

        var registered = Assert.Single(await EventsAsync());
        var properties = registered.GetType().GetProperties();
        Assert.DoesNotContain(properties, p =>
            p.Name.Contains("personnummer", StringComparison.OrdinalIgnoreCase)
            || p.Name.Contains("name", StringComparison.OrdinalIgnoreCase)
            || p.Name.Contains("ssn", StringComparison.OrdinalIgnoreCase));
        var values = properties.Select(p => Convert.ToString(p.GetValue(registered), System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList();
        Assert.DoesNotContain(values, v => v.Contains("8112189876", StringComparison.Ordinal)
            || v.Contains("Karin", StringComparison.Ordinal)
            || v.Contains("Lindqvist", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_integration_event_type_is_free_of_personal_data_fields()
    {
        foreach (var type in IntegrationEventTypes.All)
        {
            Assert.DoesNotContain(type.GetProperties(), p => p.Name.Contains("personnummer", StringComparison.OrdinalIgnoreCase)
                || p.Name.Equals("GivenName", StringComparison.OrdinalIgnoreCase)
                || p.Name.Equals("FamilyName", StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains(typeof(ParticipantRegistered), IntegrationEventTypes.All);
    }

    [Fact]
    public async Task Today_is_the_Swedish_calendar_day_not_the_UTC_day()
    {
        // 22:30 UTC on 31 May 2025 is 00:30 on 1 June in Stockholm: someone born on 1 June exists already.
        _harness.Clock.Now = new DateTimeOffset(2025, 5, 31, 22, 30, 0, TimeSpan.Zero);
        const string nine = "250601123";
        var bornToday = $"20{nine[..6]}-{nine[6..]}{Personnummer.CheckDigit(nine)}";

        var participant = await Handler.HandleAsync(Staff, Valid(personnummer: bornToday), Ct);

        Assert.Equal(new DateOnly(2025, 6, 1), participant.Personnummer!.BirthDate);
    }

    [Fact]
    public async Task Born_tomorrow_in_Sweden_is_refused()
    {
        _harness.Clock.Now = new DateTimeOffset(2025, 5, 31, 21, 30, 0, TimeSpan.Zero); // 23:30 in Stockholm
        const string nine = "250601123";
        var bornTomorrow = $"20{nine[..6]}-{nine[6..]}{Personnummer.CheckDigit(nine)}";

        var ex = await InvalidAsync(Valid(personnummer: bornTomorrow));

        Assert.Equal("personnummer", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Protected_identity_publishes_nothing_downstream()
    {
        var participant = await Handler.HandleAsync(Staff, Valid(protectedIdentity: true), Ct);

        Assert.True(participant.ProtectedIdentity);
        Assert.Null(participant.DownstreamId);
        Assert.Empty(await EventsAsync());
    }

    [Theory]
    [InlineData(Roles.Gruppledare)]
    [InlineData(Roles.Insatsansvarig)]
    [InlineData(Roles.Analytiker)]
    [InlineData(Roles.Ledning)]
    [InlineData(Roles.Forbundschef)]
    public async Task Roles_without_personal_data_may_not_register(string role)
    {
        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => Handler.HandleAsync(ParticipantsHarness.As(role), Valid(), Ct));

        Assert.Equal(ParticipantAccess.ReasonRoleNotAllowed, ex.Reason);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task Registration_is_in_the_access_log()
    {
        var participant = await Handler.HandleAsync(Staff, Valid(), Ct);

        var entry = Assert.Single(await _harness.Get<IAccessLog>().ListForParticipantAsync(participant.Id, Ct));
        Assert.Equal(AccessActions.Register, entry.Action);
        Assert.Equal("samordnare-1", entry.Subject);
        Assert.Equal(AccessOutcome.Allowed, entry.Outcome);
    }

    [Fact]
    public async Task A_request_id_used_by_someone_else_does_not_reveal_their_registration()
    {
        var requestId = Guid.NewGuid().ToString();
        await Handler.HandleAsync(Staff, Valid(requestId), Ct);

        // Another caller, or the same caller with another person, reusing the id: refused, not answered.
        var other = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => Handler.HandleAsync(ParticipantsHarness.As(Roles.Samordnare, "samordnare-2"), Valid(requestId), Ct));
        var otherPerson = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => Handler.HandleAsync(Staff, Valid(requestId, personnummer: "811218-9876"), Ct));

        Assert.Equal(RegisterParticipantHandler.ReasonRequestIdTaken, other.Reason);
        Assert.Equal(RegisterParticipantHandler.ReasonRequestIdTaken, otherPerson.Reason);
        Assert.Equal(1, await StoredAsync());
    }
}
