using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Gallring;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Participants.Gallring;

/// <summary>Gallring is for administrators only; every field is validated and named before anything happens.</summary>
public sealed class GallringRulesAndValidationTests : GallringTestBase
{
    public static TheoryData<string> EveryRoleButAdministrator =>
        [.. Roles.All.Where(r => r != Roles.Administrator).Order(StringComparer.Ordinal)];

    private static AccessContext AsRole(string role) =>
        ParticipantsHarness.As(role, $"{role}-1", role == Roles.AgencySystem ? Agencies.Kommun : null, Steget, Vagen, UtanRegel);

    [Theory]
    [MemberData(nameof(EveryRoleButAdministrator))]
    public async Task Only_an_administrator_may_set_list_dry_run_or_execute(string role)
    {
        var participant = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 1);
        var dryRun = await DryRunAsync();
        var caller = AsRole(role);

        var denials = new[]
        {
            await Assert.ThrowsAsync<PermissionDeniedException>(() => Gallring.SetRuleAsync(caller, Steget, 2, Ct)),
            await Assert.ThrowsAsync<PermissionDeniedException>(() => Gallring.ListRulesAsync(caller, Ct)),
            await Assert.ThrowsAsync<PermissionDeniedException>(() => Gallring.DryRunAsync(caller, null, Ct)),
            await Assert.ThrowsAsync<PermissionDeniedException>(() => Gallring.ExecuteAsync(caller, dryRun.Id, Ct)),
        };

        Assert.All(denials, d => Assert.Equal(ParticipantAccess.ReasonRoleNotAllowed, d.Reason));
        // Nothing changed: the rule is still one year, the dry run unexecuted, the person identifiable.
        Assert.Equal(1, Assert.Single(await Gallring.ListRulesAsync(Admin, Ct)).YearsAfterLastEnd);
        Assert.NotNull((await StoredAsync(participant)).Personnummer);
        Assert.Contains(participant.Id, (await ExecuteAsync(dryRun)).Removed);
    }

    [Fact]
    public async Task A_rule_is_set_per_insats_and_replaced_as_a_whole()
    {
        await RuleAsync(Steget, 3);
        Harness.Clock.Now = Harness.Clock.Now.AddHours(2);
        await Gallring.SetRuleAsync(ParticipantsHarness.As(Roles.Administrator, "admin-2"), Steget, 5, Ct);
        await RuleAsync(Vagen, 10);

        var rules = (await Gallring.ListRulesAsync(Admin, Ct)).OrderBy(r => r.InsatsId, StringComparer.Ordinal).ToList();

        Assert.Equal([(Steget, 5), (Vagen, 10)], rules.Select(r => (r.InsatsId, r.YearsAfterLastEnd)));
        Assert.Equal("admin-2", rules[0].SetBy);
        Assert.Equal(Harness.Clock.Now.UtcDateTime, rules[0].SetAt);
    }

    [Theory]
    [InlineData(GallringRule.MinYears)]
    [InlineData(GallringRule.MaxYears)]
    public async Task Years_at_the_limits_are_accepted(int years)
    {
        var rule = await RuleAsync(Steget, years);

        Assert.Equal(years, rule.YearsAfterLastEnd);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(51)]
    public async Task Years_outside_1_to_50_name_years_after_last_end(int years)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => RuleAsync(Steget, years));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal("years_after_last_end", violation.Field);
        Assert.Contains("1 och 50", violation.Description, StringComparison.Ordinal);
        Assert.Empty(await Gallring.ListRulesAsync(Admin, Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_missing_insats_id_is_named(string? insatsId)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Gallring.SetRuleAsync(Admin, insatsId, 5, Ct));

        Assert.Equal("insats_id", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Gallring.SetRuleAsync(Admin, new string('x', 65), 0, Ct));

        Assert.Equal(["insats_id", "years_after_last_end"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Empty(await Gallring.ListRulesAsync(Admin, Ct));
    }

    [Fact]
    public async Task A_dry_run_against_a_future_day_names_as_of()
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => DryRunAsync(Today.AddDays(1)));

        Assert.Equal("as_of", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task A_dry_run_without_as_of_is_for_today()
    {
        var run = await DryRunAsync();

        Assert.Equal(Today, run.AsOf);
        Assert.Equal("admin-gallring", run.CreatedBy);
        Assert.Null(run.ExecutedAt);
        Assert.Empty(run.Candidates);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Executing_without_a_dry_run_id_names_dry_run_id(string? runId)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Gallring.ExecuteAsync(Admin, runId, Ct));

        Assert.Equal("dry_run_id", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Executing_a_dry_run_id_that_is_too_long_names_dry_run_id()
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Gallring.ExecuteAsync(Admin, new string('a', 65), Ct));

        Assert.Equal("dry_run_id", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Executing_an_unknown_dry_run_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<NotFoundException>(() => Gallring.ExecuteAsync(Admin, Guid.NewGuid().ToString(), Ct));

        Assert.Equal(GallringHandlers.ReasonRunNotFound, ex.Reason);
    }
}
