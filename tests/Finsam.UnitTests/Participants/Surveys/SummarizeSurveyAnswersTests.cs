using Finsam.Participants.Application.Surveys;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using static Finsam.UnitTests.Participants.Surveys.SurveyTestData;

namespace Finsam.UnitTests.Participants.Surveys;

/// <summary>The staff's own view: n per question and count per option, per version, within insats and months.</summary>
public sealed class SummarizeSurveyAnswersTests : IAsyncLifetime
{
    private ParticipantsHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _harness = await ParticipantsHarness.StartAsync();
        _harness.Catalogue.Add(Insats);
        _harness.Catalogue.Add(OtherInsats);
        var submit = _harness.Get<SubmitSurveyAnswerHandler>();
        await submit.HandleAsync(Admin, Answer(new() { ["Q1"] = "ofta", ["Q8"] = "ja" }, period: "2026-01"), Ct);
        await submit.HandleAsync(Admin, Answer(new() { ["Q1"] = "ofta", ["Q8"] = "nej" }, period: "2026-02"), Ct);
        await submit.HandleAsync(Admin, Answer(new() { ["Q1"] = "alltid" }, period: "2026-02"), Ct);
        await submit.HandleAsync(Admin, Answer(new() { ["Q1"] = "aldrig" }, insatsId: OtherInsats, period: "2026-02"), Ct);
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private Task<SurveyAnswerCounts> SummarizeAsync(
        Finsam.Participants.Application.Access.AccessContext? caller = null,
        string? insatsId = Insats,
        int version = 0,
        string? from = null,
        string? to = null) =>
        _harness.Get<SummarizeSurveyAnswersHandler>().HandleAsync(caller ?? Staff, new SummarizeSurveyAnswersQuery(insatsId, Nns, version, from, to), Ct);

    private static Dictionary<string, int> Counts(SurveyVersionCounts version, string question) =>
        version.Questions.Single(q => q.Question.Code == question).Options.ToDictionary(o => o.Option.Code, o => o.Count);

    [Fact]
    public async Task Counts_n_per_question_and_each_option_within_the_insats()
    {
        var summary = await SummarizeAsync();

        var version = Assert.Single(summary.Versions);
        Assert.Equal(3, version.Answers);
        Assert.Equal(NnsQuestionCodes, version.Questions.Select(q => q.Question.Code));
        Assert.Equal([3, 0, 0, 0, 0, 0, 2, 0, 0], version.Questions.Select(q => q.N));
        Assert.Equal(
            new Dictionary<string, int> { ["aldrig"] = 0, ["sallan"] = 0, ["ibland"] = 0, ["ofta"] = 2, ["for-det-mesta"] = 0, ["alltid"] = 1 },
            Counts(version, "Q1"));
        Assert.Equal(new Dictionary<string, int> { ["ja"] = 1, ["nej"] = 1 }, Counts(version, "Q8"));
        Assert.Equal("Ofta", version.Questions[0].Options[3].Option.Label);
    }

    [Fact]
    public async Task The_period_range_is_inclusive()
    {
        var february = Assert.Single((await SummarizeAsync(from: "2026-02", to: "2026-02")).Versions);
        var fromFebruary = Assert.Single((await SummarizeAsync(from: "2026-02")).Versions);
        var untilJanuary = Assert.Single((await SummarizeAsync(to: "2026-01")).Versions);

        Assert.Equal(2, february.Answers);
        Assert.Equal(2, fromFebruary.Answers);
        Assert.Equal(1, untilJanuary.Answers);
        Assert.Equal(1, Counts(untilJanuary, "Q1")["ofta"]);
    }

    [Theory]
    [InlineData(Roles.Analytiker)]
    [InlineData(Roles.Forbundschef)]
    [InlineData(Roles.Administrator)]
    public async Task Roles_that_see_the_whole_forbund_may_count_every_insats_together(string role)
    {
        var summary = await SummarizeAsync(ParticipantsHarness.As(role, "x"), insatsId: null);

        var version = Assert.Single(summary.Versions);
        Assert.Equal(4, version.Answers);
        Assert.Equal(1, Counts(version, "Q1")["aldrig"]);
        Assert.Null(summary.InsatsId);
    }

    [Fact]
    public async Task Versions_are_counted_apart_and_the_latest_is_shown_even_without_answers()
    {
        await _harness.Get<DefineSurveyInstrumentVersionHandler>().HandleAsync(Admin, Definition(Nns), Ct);

        var all = await SummarizeAsync();
        var onlyFirst = await SummarizeAsync(version: 1);

        Assert.Equal([2, 1], all.Versions.Select(v => v.Instrument.Version));
        Assert.Equal([0, 3], all.Versions.Select(v => v.Answers));
        Assert.Equal(["S1", "S2"], all.Versions[0].Questions.Select(q => q.Question.Code));
        Assert.Equal(3, Assert.Single(onlyFirst.Versions).Answers);
    }

    [Theory]
    [InlineData(Roles.Samordnare)]
    [InlineData(Roles.Deltagaransvarig)]
    [InlineData(Roles.Insatsansvarig)]
    public async Task Insats_staff_see_only_their_own_insats(string role)
    {
        var caller = ParticipantsHarness.As(role, "x", null, Insats);

        Assert.Equal(3, (await SummarizeAsync(caller)).Versions.Single().Answers);
        var other = await Assert.ThrowsAsync<PermissionDeniedException>(() => SummarizeAsync(caller, OtherInsats));
        var all = await Assert.ThrowsAsync<ValidationFailedException>(() => SummarizeAsync(caller, insatsId: null));

        Assert.Equal("NOT_IN_OWN_INSATS", other.Reason);
        Assert.Equal("insats_id", Assert.Single(all.Violations).Field);
    }

    [Theory]
    [InlineData(Roles.Gruppledare)]
    [InlineData(Roles.Ledning)]
    [InlineData(Roles.AgencySystem)]
    public async Task Other_roles_may_not_see_the_summary(string role)
    {
        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => SummarizeAsync(ParticipantsHarness.As(role, "x", "fk", Insats)));

        Assert.Equal("ROLE_NOT_ALLOWED", ex.Reason);
    }

    [Fact]
    public async Task Bad_filters_are_named()
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => _harness.Get<SummarizeSurveyAnswersHandler>().HandleAsync(
            Staff, new SummarizeSurveyAnswersQuery(Insats, "finns-inte", 0, "2026-05", "2026-1"), Ct));
        var reversed = await Assert.ThrowsAsync<ValidationFailedException>(() => SummarizeAsync(from: "2026-03", to: "2026-01"));
        var noVersion = await Assert.ThrowsAsync<ValidationFailedException>(() => SummarizeAsync(version: 3));

        Assert.Equal(["instrument_id", "to_period"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Equal("to_period", Assert.Single(reversed.Violations).Field);
        Assert.Equal("instrument_version", Assert.Single(noVersion.Violations).Field);
    }
}
