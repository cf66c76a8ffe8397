using Finsam.Activities.Application;
using Finsam.Activities.Domain;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.UnitTests.Fakes;

namespace Finsam.UnitTests.Activities;

public sealed class CatalogueHandlersTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly InMemoryInsatsRepository _repository = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogueHandlers Handlers => new(_repository, new FixedClock(Now));

    private static DefineInsatsCommand Valid(string? requestId = null, string? name = "Stresshantering", InsatsKind? kind = InsatsKind.GroupCourse, int places = 6) =>
        new(requestId, name, kind, places);

    private async Task<ValidationFailedException> InvalidAsync(DefineInsatsCommand command)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.DefineAsync(command, Ct));
        Assert.Empty(_repository.Stored);
        return ex;
    }

    private void SeedInsatser(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _repository.Seed(new Insats(Guid.NewGuid().ToString(), $"Insats {i}", InsatsKind.Individual, i, Now.UtcDateTime));
        }
    }

    [Fact]
    public async Task Define_stores_the_trimmed_insats_and_its_event()
    {
        var insats = await Handlers.DefineAsync(Valid(name: "  Stresshantering  ", places: 6), Ct);

        Assert.Equal("Stresshantering", insats.Name);
        Assert.Equal(InsatsKind.GroupCourse, insats.Kind);
        Assert.Equal(6, insats.BudgetedPlaces);
        Assert.Equal(Now.UtcDateTime, insats.DefinedAt);
        Assert.Single(_repository.Stored);
        var defined = Assert.IsType<InsatsDefined>(Assert.Single(_repository.Events));
        Assert.Equal(new InsatsDefined(insats.Id, "Stresshantering", "group-course", 6, Now.UtcDateTime), defined);
    }

    [Fact]
    public async Task All_violations_are_reported_at_once()
    {
        var ex = await InvalidAsync(new DefineInsatsCommand("nope", "  ", null, -1));

        Assert.Equal(
            ["budgeted_places", "kind", "name", "request_id"],
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

        var insats = await Handlers.DefineAsync(Valid(name: new string('x', CatalogueHandlers.MaxNameLength)), Ct);
        Assert.Equal(CatalogueHandlers.MaxNameLength, insats.Name.Length);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(10_000, true)]
    [InlineData(10_001, false)]
    public async Task Budgeted_places_are_between_zero_and_ten_thousand(int places, bool valid)
    {
        if (valid)
        {
            Assert.Equal(places, (await Handlers.DefineAsync(Valid(places: places), Ct)).BudgetedPlaces);
        }
        else
        {
            Assert.Equal("budgeted_places", Assert.Single((await InvalidAsync(Valid(places: places))).Violations).Field);
        }
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

        var first = await Handlers.DefineAsync(Valid(requestId), Ct);
        var second = await Handlers.DefineAsync(Valid(requestId.ToUpperInvariant(), name: "Another name"), Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.Single(_repository.Stored);
        Assert.Single(_repository.Events);
    }

    [Fact]
    public async Task Get_validates_the_id_and_reports_not_found()
    {
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.GetAsync(" ", Ct));
        Assert.Equal("insats_id", Assert.Single(empty.Violations).Field);
        await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.GetAsync(new string('a', 65), Ct));

        var missing = await Assert.ThrowsAsync<NotFoundException>(() => Handlers.GetAsync(Guid.NewGuid().ToString(), Ct));
        Assert.Equal(CatalogueHandlers.ReasonNotFound, missing.Reason);

        var defined = await Handlers.DefineAsync(Valid(), Ct);
        Assert.Equal(defined, await Handlers.GetAsync(defined.Id, Ct));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task Page_size_outside_zero_to_one_hundred_is_refused(int pageSize)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.ListAsync(pageSize, null, Ct));

        Assert.Equal("page_size", Assert.Single(ex.Violations).Field);
        Assert.Empty(_repository.ListCalls);
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
        SeedInsatser(CatalogueHandlers.DefaultPageSize + 5);

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
        SeedInsatser(count);
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

        var expected = _repository.Stored.Select(s => s.Insats.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, seen);
        Assert.Equal(Math.Max(1, (count + pageSize - 1) / pageSize), pages);
    }
}
