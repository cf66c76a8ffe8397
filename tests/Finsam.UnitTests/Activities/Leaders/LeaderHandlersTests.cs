using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Leaders;
using Finsam.Activities.Domain.Leaders;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Activities.Leaders;

/// <summary>The leader registry over LiteDB: administratörer register, the roles that work with groups read.</summary>
public sealed class LeaderHandlersTests : IAsyncLifetime
{
    private static readonly Caller Admin = ActivitiesHarness.As(Roles.Administrator, "admin-1");

    private ActivitiesHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LeaderHandlers Handlers => _harness.Get<LeaderHandlers>();

    public async ValueTask InitializeAsync() => _harness = await ActivitiesHarness.StartAsync();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private static RegisterLeaderCommand Anna(params string[] qualifications) =>
        new("anna.ot", "Anna Arbetsterapeut", "region", qualifications.Length == 0 ? ["arbetsterapeut", "redo-certifierad-arbetsterapeut"] : qualifications);

    private async Task<int> CountAsync() => (await Handlers.ListAsync(Admin, 100, null, Ct)).Page.Count;

    private async Task<ValidationFailedException> InvalidAsync(RegisterLeaderCommand command)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.RegisterAsync(Admin, command, Ct));
        Assert.Equal(0, await CountAsync());
        return ex;
    }

    [Fact]
    public async Task Register_stores_the_leader_with_qualifications_in_order_once_each()
    {
        var leader = await Handlers.RegisterAsync(
            Admin, new RegisterLeaderCommand("anna.ot", "  Anna Arbetsterapeut ", "region", ["redo-certifierad-arbetsterapeut", "arbetsterapeut", "arbetsterapeut"]), Ct);

        Assert.Equal("Anna Arbetsterapeut", leader.DisplayName);
        Assert.Equal(["arbetsterapeut", "redo-certifierad-arbetsterapeut"], leader.Qualifications);
        Assert.True(leader.Holds("redo-certifierad-arbetsterapeut"));
        Assert.Equal(ActivitiesHarness.DefaultNow.UtcDateTime, leader.RegisteredAt);
        Assert.Equivalent(leader, await Handlers.GetAsync(Admin, "anna.ot", Ct), strict: true);
    }

    [Fact]
    public async Task Registering_again_replaces_the_entry_and_keeps_the_first_registration_time()
    {
        await Handlers.RegisterAsync(Admin, Anna(), Ct);
        _harness.Clock.Now = ActivitiesHarness.DefaultNow.AddDays(30);

        var replaced = await Handlers.RegisterAsync(Admin, Anna("arbetsterapeut") with { Agency = "kommun" }, Ct);

        Assert.Equal(["arbetsterapeut"], replaced.Qualifications);
        Assert.Equal("kommun", replaced.Agency);
        Assert.Equal(ActivitiesHarness.DefaultNow.UtcDateTime, replaced.RegisteredAt);
        Assert.Equivalent(replaced, await Handlers.GetAsync(Admin, "anna.ot", Ct), strict: true);
        Assert.Equal(1, await CountAsync());
    }

    [Theory]
    [InlineData(Roles.Insatsansvarig)]
    [InlineData(Roles.Gruppledare)]
    [InlineData(Roles.Samordnare)]
    public async Task Only_an_administrator_registers(string role)
    {
        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => Handlers.RegisterAsync(ActivitiesHarness.As(role), Anna(), Ct));

        Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, denied.Reason);
        Assert.Equal(0, await CountAsync());
    }

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Insatsansvarig, true)]
    [InlineData(Roles.Gruppledare, true)]
    [InlineData(Roles.Samordnare, false)]
    [InlineData(Roles.Deltagaransvarig, false)]
    [InlineData(Roles.Analytiker, false)]
    [InlineData(Roles.Ledning, false)]
    [InlineData(Roles.AgencySystem, false)]
    public async Task Administrators_insatsansvariga_and_gruppledare_read_the_registry(string role, bool allowed)
    {
        await Handlers.RegisterAsync(Admin, Anna(), Ct);
        var caller = ActivitiesHarness.As(role);

        if (allowed)
        {
            Assert.Equal("anna.ot", (await Handlers.GetAsync(caller, "anna.ot", Ct)).Subject);
            Assert.Single((await Handlers.ListAsync(caller, 0, null, Ct)).Page);
        }
        else
        {
            var get = await Assert.ThrowsAsync<PermissionDeniedException>(() => Handlers.GetAsync(caller, "anna.ot", Ct));
            var list = await Assert.ThrowsAsync<PermissionDeniedException>(() => Handlers.ListAsync(caller, 0, null, Ct));
            Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, get.Reason);
            Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, list.Reason);
        }
    }

    [Theory]
    [InlineData("", "subject")]
    [InlineData("   ", "subject")]
    [InlineData(" anna", "subject")]
    [InlineData("an\nna", "subject")]
    [InlineData("201", "subject")]
    public async Task Bad_subjects_are_refused(string subject, string field)
    {
        var ex = await InvalidAsync(Anna() with { Subject = subject == "201" ? new string('s', 201) : subject });

        Assert.Equal(field, Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task A_subject_of_two_hundred_characters_is_kept_exactly()
    {
        var subject = "Ä" + new string('s', 199);

        await Handlers.RegisterAsync(Admin, Anna() with { Subject = subject }, Ct);

        Assert.Equal(subject, (await Handlers.GetAsync(Admin, subject, Ct)).Subject);
        await Assert.ThrowsAsync<NotFoundException>(() => Handlers.GetAsync(Admin, subject.ToLowerInvariant(), Ct));
    }

    [Fact]
    public async Task Every_violation_is_reported_at_once()
    {
        var ex = await InvalidAsync(new RegisterLeaderCommand("", " ", "skatteverket", ["arbetsterapeut", "Arbetsterapeut", "redo certifierad", "-x", ""]));

        Assert.Equal(
            ["agency", "display_name", "qualifications[1]", "qualifications[2]", "qualifications[3]", "qualifications[4]", "subject"],
            ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task More_than_twenty_qualifications_are_refused()
    {
        var ex = await InvalidAsync(Anna(Enumerable.Range(1, 21).Select(i => $"kvalifikation-{i}").ToArray()));

        Assert.Equal("qualifications", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task A_display_name_with_control_characters_is_refused()
    {
        var ex = await InvalidAsync(Anna() with { DisplayName = "Anna\u0000" });

        Assert.Equal("display_name", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task An_unknown_leader_is_not_found()
    {
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => Handlers.GetAsync(Admin, "nobody", Ct));

        Assert.Equal(LeaderHandlers.ReasonNotFound, missing.Reason);
    }

    [Fact]
    public async Task Paging_visits_every_leader_once_in_subject_order()
    {
        var subjects = new[] { "gl-c", "gl-a", "af-1", "fk-2", "gl-b", "region-9", "kommun-3" };
        foreach (var subject in subjects)
        {
            await Handlers.RegisterAsync(Admin, new RegisterLeaderCommand(subject, subject, "annan", []), Ct);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var (page, next) = await Handlers.ListAsync(Admin, 3, token, Ct);
            seen.AddRange(page.Select(l => l.Subject));
            token = next;
            pages++;
        }
        while (token is not null);

        Assert.Equal(subjects.Order(StringComparer.Ordinal), seen);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData(-1, null, "page_size")]
    [InlineData(101, null, "page_size")]
    [InlineData(10, "bad\ttoken", "page_token")]
    public async Task Bad_paging_is_refused(int pageSize, string? token, string field)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.ListAsync(Admin, pageSize, token, Ct));

        Assert.Equal(field, Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Qualification_tokens_are_lowercase_letters_digits_and_single_hyphens()
    {
        Assert.True(Qualifications.IsValidToken("redo-certifierad-arbetsterapeut"));
        Assert.True(Qualifications.IsValidToken("ips-2"));
        Assert.False(Qualifications.IsValidToken("Arbetsterapeut"));
        Assert.False(Qualifications.IsValidToken("arbets--terapeut"));
        Assert.False(Qualifications.IsValidToken("arbetsterapeut-"));
        Assert.False(Qualifications.IsValidToken("sjuksköterska"));
        Assert.False(Qualifications.IsValidToken(new string('a', Qualifications.MaxLength + 1)));
        Assert.False(Qualifications.IsValidToken(""));
    }
}
