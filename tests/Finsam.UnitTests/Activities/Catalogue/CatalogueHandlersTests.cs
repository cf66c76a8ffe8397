using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Catalogue;
using Finsam.Activities.Domain;
using Finsam.Activities.Infrastructure.Catalogue;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Activities.Catalogue;

/// <summary>The insats catalogue over LiteDB: define, change with an etag, read, list, and who may do what.</summary>
public sealed class CatalogueHandlersTests : IAsyncLifetime
{
    private static readonly Caller Admin = ActivitiesHarness.As(Roles.Administrator, "admin-1");

    private ActivitiesHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTime Now => ActivitiesHarness.DefaultNow.UtcDateTime;

    private CatalogueHandlers Handlers => _harness.Get<CatalogueHandlers>();

    public async ValueTask InitializeAsync() => _harness = await ActivitiesHarness.StartAsync();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private static DefineInsatsCommand Valid(string? requestId = null, string? name = "Stresshantering", InsatsKind? kind = InsatsKind.GroupCourse, int places = 6) =>
        new(requestId, name, kind, places);

    private static ChangeInsatsCommand Change(Insats insats, string? etag = null, string? name = null) =>
        new(insats.Id, etag ?? Etags.Of(insats.Version), name ?? insats.Name, insats.BudgetedPlaces, insats.PlanDeadlineDays)
        {
            FollowUpPlaces = insats.FollowUpPlaces,
            TargetGroup = insats.TargetGroup,
            OutcomeTargets = insats.OutcomeTargets,
            StartDate = insats.StartDate,
            EndDate = insats.EndDate,
        };

    private async Task<int> StoredCountAsync() => (await Handlers.ListAsync(100, null, Ct)).Page.Count;

    private async Task<ValidationFailedException> InvalidAsync(DefineInsatsCommand command)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.DefineAsync(Admin, command, Ct));
        Assert.Equal(0, await StoredCountAsync());
        Assert.Empty(await _harness.PendingEventsAsync(InsatsDocument.CollectionName));
        return ex;
    }

    private async Task<ValidationFailedException> InvalidChangeAsync(Insats insats, ChangeInsatsCommand command)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.ChangeAsync(Admin, command, Ct));
        await AssertUnchangedAsync(insats);
        return ex;
    }

    private async Task AssertUnchangedAsync(Insats insats)
    {
        Assert.Equal(insats, await Handlers.GetAsync(insats.Id, Ct));
        Assert.DoesNotContain(await _harness.PendingEventsAsync(InsatsDocument.CollectionName), e => e is InsatsChanged);
    }

    [Fact]
    public async Task Define_stores_every_fact_and_publishes_them_in_InsatsDefined()
    {
        var command = Valid(name: "  Stresshantering  ", places: 6) with
        {
            PlanDeadlineDays = 28,
            FollowUpPlaces = 3,
            TargetGroup = "  Personer 18–64 år med stressrelaterad ohälsa  ",
            OutcomeTargets = new OutcomeTargets(40, 36, 40),
            StartDate = new DateOnly(2026, 1, 1),
            EndDate = new DateOnly(2027, 12, 31),
        };

        var insats = await Handlers.DefineAsync(Admin, command, Ct);

        Assert.Equal("Stresshantering", insats.Name);
        Assert.Equal(InsatsKind.GroupCourse, insats.Kind);
        Assert.Equal(6, insats.BudgetedPlaces);
        Assert.Equal(3, insats.FollowUpPlaces);
        Assert.Equal(28, insats.PlanDeadlineDays);
        Assert.Equal("Personer 18–64 år med stressrelaterad ohälsa", insats.TargetGroup);
        Assert.Equal(new OutcomeTargets(40, 36, 40), insats.OutcomeTargets);
        Assert.Equal(new DateOnly(2026, 1, 1), insats.StartDate);
        Assert.Equal(new DateOnly(2027, 12, 31), insats.EndDate);
        Assert.Equal(Now, insats.DefinedAt);
        Assert.Equal(1, insats.Version);
        Assert.Equal(insats, await Handlers.GetAsync(insats.Id, Ct));

        var defined = Assert.IsType<InsatsDefined>(Assert.Single(await _harness.PendingEventsAsync(InsatsDocument.CollectionName)));
        Assert.Equal(
            new InsatsDefined(insats.Id, "Stresshantering", "group-course", 6, Now, 3, 28, 40, 36, 40, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)),
            defined);
    }

    [Fact]
    public async Task Zero_targets_and_missing_dates_mean_none()
    {
        var insats = await Handlers.DefineAsync(Admin, Valid() with { OutcomeTargets = new OutcomeTargets(0, 0, 0) }, Ct);

        Assert.Equal(OutcomeTargets.None, insats.OutcomeTargets);
        Assert.Null(insats.StartDate);
        Assert.Null(insats.EndDate);
        Assert.Equal("", insats.TargetGroup);
        Assert.Equal(insats, await Handlers.GetAsync(insats.Id, Ct));
    }

    [Fact]
    public async Task All_violations_are_reported_at_once_and_nothing_is_written()
    {
        var ex = await InvalidAsync(new DefineInsatsCommand("nope", "  ", null, -1, 400)
        {
            FollowUpPlaces = -1,
            TargetGroup = "rad ett\nrad två",
            OutcomeTargets = new OutcomeTargets(101, -1, 51),
            StartDate = new DateOnly(2026, 6, 1),
            EndDate = new DateOnly(2026, 5, 31),
        });

        Assert.Equal(
            [
                "budgeted_places", "end_date", "follow_up_places", "kind", "name", "outcome_targets.enrolment_target",
                "outcome_targets.gender_balance_min_percent", "outcome_targets.work_or_studies_percent", "plan_deadline_days",
                "request_id", "target_group",
            ],
            ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Stress\nhantering")]
    [InlineData("Stress\u0007")]
    public async Task Bad_names_are_refused(string? name)
    {
        var ex = await InvalidAsync(Valid(name: name));

        Assert.Equal("name", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Name_length_limit_is_two_hundred()
    {
        await InvalidAsync(Valid(name: new string('x', CatalogueHandlers.MaxNameLength + 1)));

        var insats = await Handlers.DefineAsync(Admin, Valid(name: new string('x', CatalogueHandlers.MaxNameLength)), Ct);
        Assert.Equal(CatalogueHandlers.MaxNameLength, insats.Name.Length);
    }

    [Theory]
    [InlineData("x", 1001, "target_group")]
    [InlineData("\t", 10, "target_group")]
    [InlineData("\u0001", 10, "target_group")]
    public async Task Target_group_is_at_most_a_thousand_printable_characters(string fill, int length, string field)
    {
        var ex = await InvalidAsync(Valid() with { TargetGroup = "Målgrupp " + string.Concat(Enumerable.Repeat(fill, length)) + " slut" });

        Assert.Equal(field, Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task A_target_group_of_a_thousand_characters_is_kept()
    {
        var text = new string('å', InsatsFacts.MaxTargetGroupLength);

        var insats = await Handlers.DefineAsync(Admin, Valid() with { TargetGroup = text }, Ct);

        Assert.Equal(text, (await Handlers.GetAsync(insats.Id, Ct)).TargetGroup);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(10_000, true)]
    [InlineData(10_001, false)]
    public async Task Budgeted_and_follow_up_places_are_between_zero_and_ten_thousand(int places, bool valid)
    {
        if (valid)
        {
            var insats = await Handlers.DefineAsync(Admin, Valid(places: places) with { FollowUpPlaces = places }, Ct);
            Assert.Equal((places, places), (insats.BudgetedPlaces, insats.FollowUpPlaces));
        }
        else
        {
            Assert.Equal("budgeted_places", Assert.Single((await InvalidAsync(Valid(places: places))).Violations).Field);
            Assert.Equal("follow_up_places", Assert.Single((await InvalidAsync(Valid() with { FollowUpPlaces = places })).Violations).Field);
        }
    }

    [Theory]
    [InlineData(-1, 0, "outcome_targets.work_or_studies_percent")]
    [InlineData(101, 0, "outcome_targets.work_or_studies_percent")]
    [InlineData(0, -1, "outcome_targets.gender_balance_min_percent")]
    [InlineData(0, 51, "outcome_targets.gender_balance_min_percent")]
    public async Task Target_percentages_out_of_range_are_refused(int workOrStudies, int genderBalance, string field)
    {
        var ex = await InvalidAsync(Valid() with { OutcomeTargets = new OutcomeTargets(workOrStudies, null, genderBalance) });

        Assert.Equal(field, Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Target_percentages_at_their_limits_are_kept()
    {
        var insats = await Handlers.DefineAsync(Admin, Valid() with { OutcomeTargets = new OutcomeTargets(100, 100_000, 50) }, Ct);

        Assert.Equal(new OutcomeTargets(100, 100_000, 50), insats.OutcomeTargets);
    }

    [Fact]
    public async Task End_date_may_equal_the_start_date_or_stand_alone()
    {
        var oneDay = await Handlers.DefineAsync(Admin, Valid() with { StartDate = new DateOnly(2026, 6, 1), EndDate = new DateOnly(2026, 6, 1) }, Ct);
        var endOnly = await Handlers.DefineAsync(Admin, Valid() with { EndDate = new DateOnly(2026, 6, 1) }, Ct);

        Assert.Equal(oneDay.StartDate, oneDay.EndDate);
        Assert.Null(endOnly.StartDate);
    }

    [Theory]
    [InlineData(InsatsKind.Individual, "individual")]
    [InlineData(InsatsKind.GroupCourse, "group-course")]
    [InlineData(InsatsKind.Structural, "structural")]
    [InlineData(InsatsKind.CountOnly, "count-only")]
    public void Kind_names_are_stable(InsatsKind kind, string expected) => Assert.Equal(expected, CatalogueHandlers.KindName(kind));

    [Fact]
    public async Task Same_request_id_twice_defines_one_insats()
    {
        var requestId = Guid.NewGuid().ToString();

        var first = await Handlers.DefineAsync(Admin, Valid(requestId), Ct);
        var second = await Handlers.DefineAsync(Admin, Valid(requestId.ToUpperInvariant(), name: "Another name"), Ct);

        Assert.Equal(first, second);
        Assert.Equal(1, await StoredCountAsync());
        Assert.Single(await _harness.PendingEventsAsync(InsatsDocument.CollectionName));
    }

    [Fact]
    public async Task Insatsansvarig_may_define_and_other_roles_may_not()
    {
        var insats = await Handlers.DefineAsync(ActivitiesHarness.As(Roles.Insatsansvarig, "ia-1"), Valid(), Ct);
        Assert.Equal("Stresshantering", insats.Name);

        foreach (var role in new[] { Roles.Gruppledare, Roles.Samordnare, Roles.Analytiker, Roles.AgencySystem })
        {
            var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => Handlers.DefineAsync(ActivitiesHarness.As(role), Valid(name: "Nej"), Ct));
            Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, denied.Reason);
        }

        Assert.Equal(1, await StoredCountAsync());
    }

    [Fact]
    public async Task Access_is_decided_before_the_content_is_looked_at()
    {
        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => Handlers.DefineAsync(ActivitiesHarness.As(Roles.Gruppledare), new DefineInsatsCommand("nope", "", null, -1), Ct));

        Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, denied.Reason);
    }

    [Fact]
    public async Task Get_validates_the_id_and_reports_not_found()
    {
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.GetAsync(" ", Ct));
        Assert.Equal("insats_id", Assert.Single(empty.Violations).Field);
        await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.GetAsync(new string('a', 65), Ct));

        var missing = await Assert.ThrowsAsync<NotFoundException>(() => Handlers.GetAsync(Guid.NewGuid().ToString(), Ct));
        Assert.Equal(CatalogueHandlers.ReasonNotFound, missing.Reason);
    }

    [Fact]
    public async Task Change_replaces_the_facts_keeps_kind_and_definition_and_publishes_InsatsChanged()
    {
        var defined = await Handlers.DefineAsync(Admin, Valid() with { TargetGroup = "Alla", OutcomeTargets = new OutcomeTargets(40, null, null) }, Ct);
        _harness.Clock.Now = ActivitiesHarness.DefaultNow.AddDays(3);

        var changed = await Handlers.ChangeAsync(
            Admin,
            new ChangeInsatsCommand(defined.Id, Etags.Of(defined.Version), " Stresshantering vår ", 8, 21)
            {
                FollowUpPlaces = 2,
                TargetGroup = "Unga vuxna",
                OutcomeTargets = new OutcomeTargets(0, 20, 40),
                StartDate = new DateOnly(2026, 3, 1),
                EndDate = null,
            },
            Ct);

        Assert.Equal(defined.Id, changed.Id);
        Assert.Equal("Stresshantering vår", changed.Name);
        Assert.Equal(InsatsKind.GroupCourse, changed.Kind);
        Assert.Equal(defined.DefinedAt, changed.DefinedAt);
        Assert.Equal((8, 2, 21), (changed.BudgetedPlaces, changed.FollowUpPlaces, changed.PlanDeadlineDays));
        Assert.Equal("Unga vuxna", changed.TargetGroup);
        Assert.Equal(new OutcomeTargets(null, 20, 40), changed.OutcomeTargets);
        Assert.Equal(2, changed.Version);
        Assert.Equal(changed, await Handlers.GetAsync(defined.Id, Ct));

        var events = await _harness.PendingEventsAsync(InsatsDocument.CollectionName);
        Assert.Equal(2, events.Count);
        Assert.Equal(
            new InsatsChanged(
                defined.Id, "Stresshantering vår", "group-course", 8, 2, 21, null, 20, 40, new DateOnly(2026, 3, 1), null, _harness.Clock.Now.UtcDateTime),
            Assert.IsType<InsatsChanged>(events[1]));
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_writes_nothing()
    {
        var defined = await Handlers.DefineAsync(Admin, Valid(), Ct);
        var first = await Handlers.ChangeAsync(Admin, Change(defined, name: "Först"), Ct);

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Handlers.ChangeAsync(Admin, Change(defined, name: "Sist"), Ct));

        Assert.Equal(CatalogueHandlers.ReasonConflict, stale.Reason);
        Assert.Equal(first, await Handlers.GetAsync(defined.Id, Ct));
        Assert.Single((await _harness.PendingEventsAsync(InsatsDocument.CollectionName)).OfType<InsatsChanged>());
    }

    [Fact]
    public async Task Concurrent_changes_with_the_same_etag_save_once()
    {
        var defined = await Handlers.DefineAsync(Admin, Valid(), Ct);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                return await _harness.GetInNewScope<CatalogueHandlers>().ChangeAsync(Admin, Change(defined, name: $"Namn {i}"), Ct);
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(attempts, a => a is not null)!;
        Assert.Equal(winner, await Handlers.GetAsync(defined.Id, Ct));
        Assert.Single((await _harness.PendingEventsAsync(InsatsDocument.CollectionName)).OfType<InsatsChanged>());
    }

    [Fact]
    public async Task Change_needs_a_valid_etag_and_valid_facts()
    {
        var defined = await Handlers.DefineAsync(Admin, Valid(), Ct);

        var missing = await InvalidChangeAsync(defined, Change(defined) with { Etag = "" });
        Assert.Equal("etag", Assert.Single(missing.Violations).Field);

        var all = await InvalidChangeAsync(
            defined,
            Change(defined, etag: "x1") with { Name = "", BudgetedPlaces = -1, OutcomeTargets = new OutcomeTargets(150, null, null), EndDate = new DateOnly(2020, 1, 1), StartDate = new DateOnly(2021, 1, 1) });
        Assert.Equal(
            ["budgeted_places", "end_date", "etag", "name", "outcome_targets.work_or_studies_percent"],
            all.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Changing_an_unknown_insats_is_not_found()
    {
        var missing = await Assert.ThrowsAsync<NotFoundException>(
            () => Handlers.ChangeAsync(Admin, new ChangeInsatsCommand(Guid.NewGuid().ToString(), "1", "Namn", 1), Ct));

        Assert.Equal(CatalogueHandlers.ReasonNotFound, missing.Reason);
    }

    [Fact]
    public async Task Insatsansvarig_changes_only_their_own_insatser()
    {
        var defined = await Handlers.DefineAsync(Admin, Valid(), Ct);

        var notOwn = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => Handlers.ChangeAsync(ActivitiesHarness.As(Roles.Insatsansvarig, "ia-1", null, "another-insats"), Change(defined, name: "Nej"), Ct));
        Assert.Equal(ActivitiesAccess.ReasonNotOwnInsats, notOwn.Reason);

        var role = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => Handlers.ChangeAsync(ActivitiesHarness.As(Roles.Gruppledare, "gl-1", null, defined.Id), Change(defined, name: "Nej"), Ct));
        Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, role.Reason);
        await AssertUnchangedAsync(defined);

        var own = await Handlers.ChangeAsync(ActivitiesHarness.As(Roles.Insatsansvarig, "ia-1", null, defined.Id), Change(defined, name: "Ja"), Ct);
        Assert.Equal("Ja", own.Name);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task Page_size_outside_zero_to_one_hundred_is_refused(int pageSize)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.ListAsync(pageSize, null, Ct));

        Assert.Equal("page_size", Assert.Single(ex.Violations).Field);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("' OR 1=1 --")]
    public async Task Malformed_page_token_is_refused(string token)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.ListAsync(10, token, Ct));

        Assert.Equal("page_token", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Page_size_zero_means_the_default()
    {
        await StoreInsatserAsync(CatalogueHandlers.DefaultPageSize + 5);

        var (page, next) = await Handlers.ListAsync(0, null, Ct);

        Assert.Equal(CatalogueHandlers.DefaultPageSize, page.Count);
        Assert.NotNull(next);
    }

    [Theory]
    [InlineData(7, 3)]
    [InlineData(6, 3)]
    [InlineData(1, 1)]
    [InlineData(0, 5)]
    [InlineData(100, 100)]
    [InlineData(250, 100)]
    public async Task Paging_visits_every_insats_once_in_id_order(int count, int pageSize)
    {
        var stored = await StoreInsatserAsync(count);
        var seen = new List<string>();
        string? token = null;
        var pages = 0;

        do
        {
            var (page, next) = await Handlers.ListAsync(pageSize, token, Ct);
            Assert.InRange(page.Count, next is null ? 0 : pageSize, pageSize);
            if (next is not null)
            {
                Assert.Equal(page[^1].Id, next);
            }

            seen.AddRange(page.Select(i => i.Id));
            token = next;
            pages++;
            Assert.True(pages <= count + 1, "paging does not terminate");
        }
        while (token is not null);

        Assert.Equal(stored.Order(StringComparer.Ordinal), seen);
        Assert.Equal(Math.Max(1, (count + pageSize - 1) / pageSize), pages);
    }

    // Random (v4) ids, so id order differs from insertion order and the test sees which one paging follows.
    private async Task<List<string>> StoreInsatserAsync(int count)
    {
        var repository = _harness.Get<IInsatsRepository>();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var insats = await repository.AddAsync(
                new Insats(Guid.NewGuid().ToString(), $"Insats {i}", InsatsKind.Individual, i, Now), $"req-{i}", [], Ct);
            ids.Add(insats.Id);
        }

        return ids;
    }
}
