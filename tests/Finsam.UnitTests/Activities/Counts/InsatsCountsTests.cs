using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Catalogue;
using Finsam.Activities.Application.Counts;
using Finsam.Activities.Domain;
using Finsam.Activities.Domain.Counts;
using Finsam.Activities.Infrastructure.Counts;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Activities.Counts;

/// <summary>
/// Pinnstatistik over LiteDB: registering counts by gender for a period of a count-only insats, retrying with the same
/// request id, correcting with an etag (earlier values kept), listing, and every refusal writing nothing.
/// The harness' today is Monday 2 March 2026 (Stockholm).
/// </summary>
public sealed class InsatsCountsTests : IAsyncLifetime
{
    private static readonly Caller Admin = ActivitiesHarness.As(Roles.Administrator, "admin-1");
    private static readonly DateOnly January1 = new(2026, 1, 1);
    private static readonly DateOnly January31 = new(2026, 1, 31);

    private ActivitiesHarness _harness = null!;
    private Insats _halsoskola = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTime Now => ActivitiesHarness.DefaultNow.UtcDateTime;

    private RegisterInsatsCountsHandler Register => _harness.Get<RegisterInsatsCountsHandler>();

    private CorrectInsatsCountsHandler Correct => _harness.Get<CorrectInsatsCountsHandler>();

    private InsatsCountQueries Queries => _harness.Get<InsatsCountQueries>();

    public async ValueTask InitializeAsync()
    {
        _harness = await ActivitiesHarness.StartAsync();
        _halsoskola = await DefineAsync("Hälsoskola", InsatsKind.CountOnly);
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private Task<Insats> DefineAsync(string name, InsatsKind kind) =>
        _harness.Get<CatalogueHandlers>().DefineAsync(Admin, new DefineInsatsCommand(null, name, kind, 0), Ct);

    private static Caller Ansvarig(params string[] insatser) => ActivitiesHarness.As(Roles.Insatsansvarig, "ia-1", null, insatser);

    private RegisterInsatsCountsCommand Valid(
        string? requestId = null, DateOnly? from = null, DateOnly? to = null, int women = 12, int men = 7, int other = 1, string? insatsId = null) =>
        new(insatsId ?? _halsoskola.Id, requestId, from ?? January1, to ?? January31, women, men, other);

    private static CorrectInsatsCountsCommand Correction(
        InsatsCountRegistration registration, int women = 14, int men = 7, int other = 1, string? etag = null, string? reason = "Två deltagarlistor räknades inte.") =>
        new(registration.InsatsId, registration.Id, etag ?? Etags.Of(registration.Version), registration.PeriodFrom, registration.PeriodTo, women, men, other, reason);

    private async Task<long> StoredCountAsync() =>
        await _harness.Store.Collection<InsatsCountDocument>(InsatsCountDocument.CollectionName).CountAsync(cancellationToken: Ct);

    private Task<IReadOnlyList<IIntegrationEvent>> EventsAsync() => _harness.PendingEventsAsync(InsatsCountDocument.CollectionName);

    private async Task AssertNothingWrittenAsync()
    {
        Assert.Equal(0, await StoredCountAsync());
        Assert.Empty(await EventsAsync());
    }

    private async Task<ValidationFailedException> InvalidAsync(RegisterInsatsCountsCommand command)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Register.HandleAsync(Admin, command, Ct));
        await AssertNothingWrittenAsync();
        return ex;
    }

    private async Task<InsatsCountRegistration> StoredAsync(string registrationId) =>
        (await _harness.Get<IInsatsCountRepository>().GetAsync(registrationId, Ct))!;

    private static void AssertSame(InsatsCountRegistration expected, InsatsCountRegistration actual)
    {
        Assert.Equal(expected with { Corrections = [] }, actual with { Corrections = [] });
        Assert.Equal(expected.Corrections, actual.Corrections);
    }

    [Fact]
    public async Task Register_stores_the_counts_and_publishes_InsatsCountsRegistered()
    {
        var registration = await Register.HandleAsync(Admin, Valid(women: 12, men: 7, other: 1), Ct);

        Assert.Equal(_halsoskola.Id, registration.InsatsId);
        Assert.Equal((January1, January31), (registration.PeriodFrom, registration.PeriodTo));
        Assert.Equal(new CountsByGender(12, 7, 1), registration.Counts);
        Assert.Equal(20, registration.Counts.Total);
        Assert.Equal(("admin-1", Now), (registration.RegisteredBy, registration.RegisteredAt));
        Assert.Empty(registration.Corrections);
        Assert.Equal(1, registration.Version);
        AssertSame(registration, await StoredAsync(registration.Id));

        Assert.Equal(
            new InsatsCountsRegistered(registration.Id, _halsoskola.Id, January1, January31, 12, 7, 1, Now),
            Assert.Single(await EventsAsync()));
    }

    [Fact]
    public void The_events_carry_counts_only_never_a_person_or_who_registered()
    {
        string[] expected = ["InsatsId", "Men", "OccurredAt", "Other", "PeriodFrom", "PeriodTo", "RegistrationId", "Women"];

        Assert.Equal(expected, typeof(InsatsCountsRegistered).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(expected, typeof(InsatsCountsCorrected).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_insats_own_insatsansvarig_may_register()
    {
        var registration = await Register.HandleAsync(Ansvarig(_halsoskola.Id), Valid(), Ct);

        Assert.Equal("ia-1", registration.RegisteredBy);
        Assert.Equal(1, await StoredCountAsync());
    }

    [Fact]
    public async Task The_same_request_id_twice_registers_once_and_answers_with_the_first()
    {
        var requestId = Guid.NewGuid().ToString();

        var first = await Register.HandleAsync(Admin, Valid(requestId, women: 3), Ct);
        _harness.Clock.Now = ActivitiesHarness.DefaultNow.AddMinutes(5);
        var retry = await Register.HandleAsync(Admin, Valid(requestId.ToUpperInvariant(), women: 30), Ct);

        AssertSame(first, retry);
        Assert.Equal(1, await StoredCountAsync());
        Assert.Single(await EventsAsync());
    }

    [Fact]
    public async Task Concurrent_retries_of_one_request_register_once()
    {
        var requestId = Guid.NewGuid().ToString();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(
            _ => _harness.GetInNewScope<RegisterInsatsCountsHandler>().HandleAsync(Admin, Valid(requestId), Ct)));

        Assert.Single(results.Select(r => r.Id).Distinct());
        Assert.Equal(1, await StoredCountAsync());
        Assert.Single(await EventsAsync());
    }

    [Fact]
    public async Task A_request_id_is_scoped_to_its_insats()
    {
        var inspirationsdagar = await DefineAsync("Inspirationsdagar", InsatsKind.CountOnly);
        var requestId = Guid.NewGuid().ToString();

        var first = await Register.HandleAsync(Admin, Valid(requestId), Ct);
        var other = await Register.HandleAsync(Admin, Valid(requestId, insatsId: inspirationsdagar.Id), Ct);

        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(inspirationsdagar.Id, other.InsatsId);
        Assert.Equal(2, await StoredCountAsync());
    }

    [Fact]
    public async Task Registrations_without_a_request_id_are_each_stored()
    {
        await Register.HandleAsync(Admin, Valid(), Ct);
        await Register.HandleAsync(Admin, Valid(), Ct);

        Assert.Equal(2, await StoredCountAsync());
        Assert.Equal(2, (await EventsAsync()).Count);
    }

    [Theory]
    [InlineData(InsatsKind.Individual, "en individuell insats")]
    [InlineData(InsatsKind.GroupCourse, "gruppverksamhet")]
    [InlineData(InsatsKind.Structural, "en strukturinsats")]
    public async Task Only_count_only_insatser_register_counts(InsatsKind kind, string kindLabel)
    {
        var insats = await DefineAsync("Steget vidare", kind);

        var refused = await Assert.ThrowsAsync<PreconditionFailedException>(
            () => Register.HandleAsync(Admin, Valid(insatsId: insats.Id), Ct));

        Assert.Equal(CountOnlyInsats.ReasonNotCountOnly, refused.Reason);
        Assert.Contains($"”Steget vidare” är {kindLabel}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("pinnstatistik", refused.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task An_unknown_insats_is_not_found()
    {
        var missing = await Assert.ThrowsAsync<NotFoundException>(
            () => Register.HandleAsync(Admin, Valid(insatsId: Guid.NewGuid().ToString()), Ct));

        Assert.Equal(CatalogueHandlers.ReasonNotFound, missing.Reason);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData(Roles.Gruppledare)]
    [InlineData(Roles.Samordnare)]
    [InlineData(Roles.Deltagaransvarig)]
    [InlineData(Roles.Analytiker)]
    [InlineData(Roles.Ledning)]
    [InlineData(Roles.Forbundschef)]
    [InlineData(Roles.AgencySystem)]
    public async Task Other_roles_may_not_register_correct_or_read_even_in_their_own_insats(string role)
    {
        var stored = await Register.HandleAsync(Admin, Valid(), Ct);
        var caller = ActivitiesHarness.As(role, "someone", null, _halsoskola.Id);

        var register = await Assert.ThrowsAsync<PermissionDeniedException>(() => Register.HandleAsync(caller, Valid(), Ct));
        var correct = await Assert.ThrowsAsync<PermissionDeniedException>(() => Correct.HandleAsync(caller, Correction(stored), Ct));
        var list = await Assert.ThrowsAsync<PermissionDeniedException>(() => Queries.ListAsync(caller, _halsoskola.Id, 0, 0, null, Ct));

        Assert.All(new[] { register, correct, list }, e => Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, e.Reason));
        Assert.Equal(1, await StoredCountAsync());
        AssertSame(stored, await StoredAsync(stored.Id));
        Assert.Single(await EventsAsync());
    }

    [Fact]
    public async Task An_insatsansvarig_of_another_insats_may_not_register_correct_or_read()
    {
        var stored = await Register.HandleAsync(Admin, Valid(), Ct);
        var other = Ansvarig("another-insats");

        var register = await Assert.ThrowsAsync<PermissionDeniedException>(() => Register.HandleAsync(other, Valid(), Ct));
        var correct = await Assert.ThrowsAsync<PermissionDeniedException>(() => Correct.HandleAsync(other, Correction(stored), Ct));
        var list = await Assert.ThrowsAsync<PermissionDeniedException>(() => Queries.ListAsync(other, _halsoskola.Id, 0, 0, null, Ct));

        Assert.All(new[] { register, correct, list }, e => Assert.Equal(ActivitiesAccess.ReasonNotOwnInsats, e.Reason));
        Assert.Equal(1, await StoredCountAsync());
        AssertSame(stored, await StoredAsync(stored.Id));
    }

    [Fact]
    public async Task Access_is_decided_before_the_content_is_looked_at()
    {
        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => Register.HandleAsync(ActivitiesHarness.As(Roles.Gruppledare), new RegisterInsatsCountsCommand(" ", "nope", null, null, -1, -1, -1), Ct));

        Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, denied.Reason);
    }

    [Theory]
    [InlineData(-1, 0, 1, "women")]
    [InlineData(100_001, 0, 0, "women")]
    [InlineData(1, -3, 0, "men")]
    [InlineData(0, 100_001, 0, "men")]
    [InlineData(1, 0, -1, "other")]
    [InlineData(1, 0, int.MaxValue, "other")]
    public async Task A_count_outside_zero_to_one_hundred_thousand_is_refused_naming_it(int women, int men, int other, string field)
    {
        var ex = await InvalidAsync(Valid(women: women, men: men, other: other));

        Assert.Equal(field, Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Counts_that_are_all_zero_are_refused_naming_each()
    {
        var ex = await InvalidAsync(Valid(women: 0, men: 0, other: 0));

        Assert.Equal(["men", "other", "women"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(100_000, 0, 0)]
    [InlineData(0, 100_000, 0)]
    [InlineData(0, 0, 1)]
    [InlineData(100_000, 100_000, 100_000)]
    public async Task Counts_at_their_limits_are_kept(int women, int men, int other)
    {
        var registration = await Register.HandleAsync(Admin, Valid(women: women, men: men, other: other), Ct);

        Assert.Equal(new CountsByGender(women, men, other), (await StoredAsync(registration.Id)).Counts);
    }

    [Theory]
    [InlineData(null, "2026-01-31", "period_from")]
    [InlineData("2026-01-01", null, "period_to")]
    [InlineData("2026-02-01", "2026-01-31", "period_to")]
    [InlineData("2025-12-01", "2026-01-31", "period_to")]
    [InlineData("2026-03-02", "2026-03-03", "period_to")]
    [InlineData("2025-12-31", "2026-01-01", "period_to")]
    public async Task A_bad_period_is_refused_naming_the_field(string? from, string? to, string field)
    {
        var command = Valid() with { PeriodFrom = from is null ? null : DateOnly.Parse(from), PeriodTo = to is null ? null : DateOnly.Parse(to) };

        var ex = await InvalidAsync(command);

        Assert.Equal(field, Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task A_period_wholly_in_the_future_names_both_days()
    {
        var ex = await InvalidAsync(Valid(from: new DateOnly(2026, 3, 3), to: new DateOnly(2026, 3, 4)));

        Assert.Equal(["period_from", "period_to"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2026-03-02", "2026-03-02")]
    [InlineData("2025-01-01", "2025-12-31")]
    [InlineData("2026-01-01", "2026-03-02")]
    public async Task A_period_inside_one_year_up_to_today_is_kept(string from, string to)
    {
        var registration = await Register.HandleAsync(Admin, Valid(from: DateOnly.Parse(from), to: DateOnly.Parse(to)), Ct);

        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (registration.PeriodFrom, registration.PeriodTo));
    }

    [Fact]
    public async Task Today_is_the_Swedish_day_not_UTCs()
    {
        var march3 = new DateOnly(2026, 3, 3);

        // 23:30 UTC on 2 March is 00:30 on 3 March in Stockholm: the 3rd has begun.
        _harness.Clock.Now = new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero);
        var registration = await Register.HandleAsync(Admin, Valid(from: march3, to: march3), Ct);
        Assert.Equal(march3, registration.PeriodTo);

        // 22:30 UTC is 23:30 in Stockholm: still the 2nd.
        _harness.Clock.Now = new DateTimeOffset(2026, 3, 2, 22, 30, 0, TimeSpan.Zero);
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Register.HandleAsync(Admin, Valid(from: march3, to: march3), Ct));
        Assert.Equal(["period_from", "period_to"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_bad_field_is_reported_at_once_and_nothing_is_written()
    {
        var ex = await InvalidAsync(new RegisterInsatsCountsCommand(_halsoskola.Id, "not-a-uuid", null, January31, -1, 0, 100_001));

        Assert.Equal(["other", "period_from", "request_id", "women"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_missing_insats_id_is_refused_for_administratör(string insatsId)
    {
        var ex = await InvalidAsync(Valid(insatsId: insatsId));

        Assert.Equal("insats_id", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task A_correction_keeps_the_earlier_values_with_who_when_and_why_and_publishes_InsatsCountsCorrected()
    {
        var registered = await Register.HandleAsync(Admin, Valid(women: 12, men: 7, other: 1), Ct);
        var correctedAt = ActivitiesHarness.DefaultNow.AddHours(2);
        _harness.Clock.Now = correctedAt;

        var corrected = await Correct.HandleAsync(
            Ansvarig(_halsoskola.Id),
            Correction(registered, women: 14, men: 6, other: 0) with { PeriodFrom = new DateOnly(2026, 1, 8), PeriodTo = new DateOnly(2026, 2, 5) },
            Ct);

        Assert.Equal((new DateOnly(2026, 1, 8), new DateOnly(2026, 2, 5)), (corrected.PeriodFrom, corrected.PeriodTo));
        Assert.Equal(new CountsByGender(14, 6, 0), corrected.Counts);
        Assert.Equal(("admin-1", Now), (corrected.RegisteredBy, corrected.RegisteredAt));
        Assert.Equal(2, corrected.Version);
        Assert.Equal(
            new InsatsCountCorrection(January1, January31, new CountsByGender(12, 7, 1), "ia-1", correctedAt.UtcDateTime, "Två deltagarlistor räknades inte."),
            Assert.Single(corrected.Corrections));
        AssertSame(corrected, await StoredAsync(registered.Id));

        var events = await EventsAsync();
        Assert.Equal(2, events.Count);
        Assert.Equal(
            new InsatsCountsCorrected(registered.Id, _halsoskola.Id, new DateOnly(2026, 1, 8), new DateOnly(2026, 2, 5), 14, 6, 0, correctedAt.UtcDateTime),
            events[1]);
    }

    [Fact]
    public async Task A_second_correction_keeps_both_earlier_values_in_order()
    {
        var registered = await Register.HandleAsync(Admin, Valid(women: 12), Ct);
        var first = await Correct.HandleAsync(Admin, Correction(registered, women: 13), Ct);

        var second = await Correct.HandleAsync(Admin, Correction(first, women: 15, reason: "Ännu en lista hittades."), Ct);

        Assert.Equal(15, second.Counts.Women);
        Assert.Equal([12, 13], second.Corrections.Select(c => c.PreviousCounts.Women));
        Assert.Equal(["Två deltagarlistor räknades inte.", "Ännu en lista hittades."], second.Corrections.Select(c => c.Reason));
        Assert.Equal(3, second.Version);
        AssertSame(second, await StoredAsync(registered.Id));
    }

    [Fact]
    public async Task A_correction_with_a_stale_etag_is_aborted_and_writes_nothing()
    {
        var registered = await Register.HandleAsync(Admin, Valid(), Ct);
        var first = await Correct.HandleAsync(Admin, Correction(registered, women: 13), Ct);

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Correct.HandleAsync(Admin, Correction(registered, women: 20), Ct));

        Assert.Equal(CorrectInsatsCountsHandler.ReasonConflict, stale.Reason);
        AssertSame(first, await StoredAsync(registered.Id));
        Assert.Single((await EventsAsync()).OfType<InsatsCountsCorrected>());
    }

    [Fact]
    public async Task Concurrent_corrections_with_the_same_etag_save_once()
    {
        var registered = await Register.HandleAsync(Admin, Valid(women: 12), Ct);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                return await _harness.GetInNewScope<CorrectInsatsCountsHandler>().HandleAsync(Admin, Correction(registered, women: 20 + i), Ct);
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(attempts, a => a is not null)!;
        AssertSame(winner, await StoredAsync(registered.Id));
        Assert.Single(winner.Corrections);
        Assert.Single((await EventsAsync()).OfType<InsatsCountsCorrected>());
    }

    [Fact]
    public async Task A_registration_is_corrected_only_through_its_own_insats()
    {
        var inspirationsdagar = await DefineAsync("Inspirationsdagar", InsatsKind.CountOnly);
        var registered = await Register.HandleAsync(Admin, Valid(insatsId: inspirationsdagar.Id), Ct);

        // The insatsansvarig of the hälsoskola names their own insats in the path and another insats' registration.
        var missing = await Assert.ThrowsAsync<NotFoundException>(
            () => Correct.HandleAsync(Ansvarig(_halsoskola.Id), Correction(registered) with { InsatsId = _halsoskola.Id }, Ct));

        Assert.Equal(CorrectInsatsCountsHandler.ReasonNotFound, missing.Reason);
        AssertSame(registered, await StoredAsync(registered.Id));
        Assert.Single(await EventsAsync());
    }

    [Fact]
    public async Task Correcting_an_unknown_registration_is_not_found()
    {
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => Correct.HandleAsync(
            Admin,
            new CorrectInsatsCountsCommand(_halsoskola.Id, Guid.NewGuid().ToString(), "1", January1, January31, 1, 0, 0, "Fel."),
            Ct));

        Assert.Equal(CorrectInsatsCountsHandler.ReasonNotFound, missing.Reason);
    }

    [Fact]
    public async Task A_correction_is_checked_like_a_registration_and_needs_an_etag_and_a_reason()
    {
        var registered = await Register.HandleAsync(Admin, Valid(), Ct);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Correct.HandleAsync(
            Admin,
            Correction(registered, women: -1, etag: "", reason: "  ") with { RegistrationId = " ", PeriodFrom = new DateOnly(2025, 12, 1) },
            Ct));

        Assert.Equal(["etag", "period_to", "reason", "registration_id", "women"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        AssertSame(registered, await StoredAsync(registered.Id));
        Assert.Single(await EventsAsync());
    }

    [Fact]
    public async Task A_correction_that_changes_nothing_is_refused()
    {
        var registered = await Register.HandleAsync(Admin, Valid(women: 12, men: 7, other: 1), Ct);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Correct.HandleAsync(Admin, Correction(registered, women: 12, men: 7, other: 1), Ct));

        Assert.Equal("women", Assert.Single(ex.Violations).Field);
        AssertSame(registered, await StoredAsync(registered.Id));
    }

    [Fact]
    public async Task A_count_only_check_also_guards_corrections_and_lists()
    {
        var individual = await DefineAsync("Steget vidare", InsatsKind.Individual);

        var correct = await Assert.ThrowsAsync<PreconditionFailedException>(() => Correct.HandleAsync(
            Admin, new CorrectInsatsCountsCommand(individual.Id, Guid.NewGuid().ToString(), "1", January1, January31, 1, 0, 0, "Fel."), Ct));
        var list = await Assert.ThrowsAsync<PreconditionFailedException>(() => Queries.ListAsync(Admin, individual.Id, 0, 0, null, Ct));

        Assert.All(new[] { correct, list }, e => Assert.Equal(CountOnlyInsats.ReasonNotCountOnly, e.Reason));
    }

    [Fact]
    public async Task The_list_holds_the_insats_registrations_in_registration_order_optionally_of_one_year()
    {
        var inspirationsdagar = await DefineAsync("Inspirationsdagar", InsatsKind.CountOnly);
        var december = await Register.HandleAsync(Admin, Valid(from: new DateOnly(2025, 12, 1), to: new DateOnly(2025, 12, 31)), Ct);
        var january = await Register.HandleAsync(Admin, Valid(), Ct);
        await Register.HandleAsync(Admin, Valid(insatsId: inspirationsdagar.Id), Ct);
        var february = await Register.HandleAsync(Admin, Valid(from: new DateOnly(2026, 2, 1), to: new DateOnly(2026, 2, 28)), Ct);

        var (all, next) = await Queries.ListAsync(Ansvarig(_halsoskola.Id), _halsoskola.Id, 0, 0, null, Ct);
        var (of2026, _) = await Queries.ListAsync(Admin, _halsoskola.Id, 2026, 0, null, Ct);
        var (of2024, _) = await Queries.ListAsync(Admin, _halsoskola.Id, 2024, 0, null, Ct);

        Assert.Equal([december.Id, january.Id, february.Id], all.Select(r => r.Id));
        Assert.Null(next);
        Assert.Equal([january.Id, february.Id], of2026.Select(r => r.Id));
        Assert.Empty(of2024);
    }

    [Fact]
    public async Task The_list_is_paged_by_the_last_id()
    {
        var ids = new List<string>();
        for (var day = 1; day <= 5; day++)
        {
            ids.Add((await Register.HandleAsync(Admin, Valid(from: new DateOnly(2026, 2, day), to: new DateOnly(2026, 2, day)), Ct)).Id);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var (page, next) = await Queries.ListAsync(Admin, _halsoskola.Id, 2026, 2, token, Ct);
            seen.AddRange(page.Select(r => r.Id));
            token = next;
            pages++;
        }
        while (token is not null && pages < 10);

        // Pages follow id order; version-7 ids made within one millisecond are not ordered among themselves.
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData(1899, 0, null, "year")]
    [InlineData(2201, 0, null, "year")]
    [InlineData(0, 101, null, "page_size")]
    [InlineData(0, 0, "not-a-uuid", "page_token")]
    public async Task Bad_list_parameters_are_refused_naming_them(int year, int pageSize, string? pageToken, string field)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Queries.ListAsync(Admin, _halsoskola.Id, year, pageSize, pageToken, Ct));

        Assert.Equal(field, Assert.Single(ex.Violations).Field);
    }
}
