using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Testing;

namespace Finsam.UnitTests.Participants.Registry;

/// <summary>Search by personnummer: for the roles that register people; protected people only for the registering role.</summary>
public sealed class SearchParticipantsTests : IAsyncLifetime
{
    private ParticipantsHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SearchParticipantsHandler Handler => _harness.Get<SearchParticipantsHandler>();

    public async ValueTask InitializeAsync() => _harness = await ParticipantsHarness.StartAsync();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private Task<IReadOnlyList<Participant>> SearchAsync(AccessContext context, string? personnummer) => Handler.HandleAsync(context, personnummer, Ct);

    [Theory]
    [InlineData("19121212-1212")]
    [InlineData("191212121212")]
    [InlineData("121212+1212")]
    public async Task Finds_the_person_whatever_the_spelling(string spelling)
    {
        var participant = await _harness.RegisterAsync(personnummer: "19121212-1212");

        var found = await SearchAsync(RegistryTestData.Administrator, spelling);

        Assert.Equal(participant.Id, Assert.Single(found).Id);
        var entry = await _harness.LastLogEntryAsync(participant.Id);
        Assert.Equal((AccessActions.Search, "admin-1", Roles.Administrator, AccessOutcome.Allowed), (entry.Action, entry.Subject, entry.Role, entry.Outcome));
    }

    [Fact]
    public async Task Nobody_with_the_number_is_an_empty_result()
    {
        var participant = await _harness.RegisterAsync();

        Assert.Empty(await SearchAsync(RegistryTestData.Registrar, TestPersonnummer.Next(1960)));
        // Nothing was read about the registered person, so nothing is logged about them.
        Assert.Equal([AccessActions.Register], (await _harness.LogAsync(participant.Id)).Select(e => e.Action));
    }

    [Theory]
    [InlineData(Roles.Samordnare)]
    [InlineData(Roles.Deltagaransvarig)]
    [InlineData(Roles.AgencySystem)]
    [InlineData(Roles.Administrator)]
    public async Task Roles_that_register_people_may_search(string role)
    {
        var participant = await _harness.RegisterAsync();

        var found = await SearchAsync(ParticipantsHarness.As(role, $"{role}-searcher", role == Roles.AgencySystem ? Agencies.Kommun : null), participant.Personnummer!.Value);

        Assert.Equal(participant.Id, Assert.Single(found).Id);
    }

    [Theory]
    [MemberData(nameof(RegistryTestData.RolesWithoutPersonalData), MemberType = typeof(RegistryTestData))]
    public async Task Other_roles_may_not_search(string role)
    {
        var participant = await _harness.RegisterAsync();

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => SearchAsync(ParticipantsHarness.As(role), participant.Personnummer!.Value));

        Assert.Equal(ParticipantAccess.ReasonRoleNotAllowed, ex.Reason);
    }

    [Fact]
    public async Task Agency_system_without_an_agency_may_not_search()
    {
        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => SearchAsync(ParticipantsHarness.As(Roles.AgencySystem), "19121212-1212"));

        Assert.Equal(ParticipantAccess.ReasonAgencyMissing, ex.Reason);
    }

    [Fact]
    public async Task Protected_person_is_hidden_from_other_roles_and_the_attempt_is_logged_as_denied()
    {
        var participant = await _harness.RegisterAsync(protectedIdentity: true);

        var found = await SearchAsync(RegistryTestData.Administrator, participant.Personnummer!.Value);

        Assert.Empty(found);
        var entry = await _harness.LastLogEntryAsync(participant.Id);
        Assert.Equal((AccessActions.Search, "admin-1", AccessOutcome.Denied), (entry.Action, entry.Subject, entry.Outcome));
    }

    [Fact]
    public async Task Protected_person_is_found_by_the_registering_role()
    {
        var participant = await _harness.RegisterAsync(protectedIdentity: true);

        var found = await SearchAsync(ParticipantsHarness.As(Roles.Samordnare, "other-samordnare"), participant.Personnummer!.Value);

        Assert.Equal(participant.Id, Assert.Single(found).Id);
        Assert.Equal(AccessOutcome.Allowed, (await _harness.LastLogEntryAsync(participant.Id)).Outcome);
    }

    [Fact]
    public async Task Protected_person_from_one_agency_is_hidden_from_another()
    {
        var participant = await _harness.RegisterAsync(by: RegistryTestData.AgencySystem(Agencies.Kommun, "kommun-system"), protectedIdentity: true);

        Assert.Empty(await SearchAsync(RegistryTestData.AgencySystem(Agencies.Region, "region-system"), participant.Personnummer!.Value));
        Assert.Single(await SearchAsync(RegistryTestData.AgencySystem(Agencies.Kommun, "kommun-system-2"), participant.Personnummer!.Value));
    }

    [Theory]
    [InlineData("19121212-1213")] // wrong check digit
    [InlineData("19121312-1212")] // no such date
    [InlineData("1912")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Invalid_number_is_a_violation_of_personnummer_that_does_not_echo_it(string? personnummer)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => SearchAsync(RegistryTestData.Registrar, personnummer));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal("personnummer", violation.Field);
        Assert.DoesNotContain("1212", violation.Description, StringComparison.Ordinal);
    }
}
