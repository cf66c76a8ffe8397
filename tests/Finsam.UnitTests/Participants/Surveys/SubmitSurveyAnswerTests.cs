using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Surveys;
using Finsam.Participants.Infrastructure.Surveys;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using static Finsam.UnitTests.Participants.Surveys.SurveyTestData;

namespace Finsam.UnitTests.Participants.Surveys;

/// <summary>Answers are checked against the version they answered, stored once, and their event published.</summary>
public sealed class SubmitSurveyAnswerTests : IAsyncLifetime
{
    private ParticipantsHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _harness = await ParticipantsHarness.StartAsync();
        _harness.Catalogue.Add(Insats);
        _harness.Catalogue.Add(OtherInsats);
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private SubmitSurveyAnswerHandler Submit => _harness.Get<SubmitSurveyAnswerHandler>();

    private Task<long> StoredAsync() => DocumentSurveyAnswers.Collection(_harness.Store).CountAsync(null, Ct);

    private async Task<IReadOnlyList<SurveyAnswered>> EventsAsync() =>
        (await _harness.PendingEventsAsync(SurveyAnswerDocument.CollectionName)).Cast<SurveyAnswered>().ToList();

    private async Task<ValidationFailedException> InvalidAsync(SubmitSurveyAnswerCommand command)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Submit.HandleAsync(Staff, command, Ct));
        Assert.Equal(0, await StoredAsync());
        Assert.Empty(await EventsAsync());
        return ex;
    }

    [Fact]
    public async Task A_valid_answer_is_stored_with_its_event_dated_the_first_of_the_month()
    {
        var answer = await Submit.HandleAsync(Staff, Answer(), Ct);

        Assert.Equal(1, await StoredAsync());
        var answered = Assert.Single(await EventsAsync());
        Assert.Equal(answer.Id, answered.SurveyAnswerId);
        Assert.Equal((Insats, Period, Nns, 1), (answered.InsatsId, answered.Period, answered.InstrumentId, answered.InstrumentVersion));
        Assert.Equal(FullAnswers().OrderBy(a => a.Key), answered.Answers.OrderBy(a => a.Key));
        Assert.Equal(new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), answered.OccurredAt);
    }

    [Fact]
    public async Task Questions_may_be_left_unanswered()
    {
        var answer = await Submit.HandleAsync(Staff, Answer(new() { ["Q1"] = "alltid", ["Q8"] = "nej" }), Ct);

        Assert.Equal(["Q1", "Q8"], answer.Answers.Keys);
        Assert.Equal(1, await StoredAsync());
    }

    [Fact]
    public async Task An_unknown_question_or_option_is_refused_naming_the_answer()
    {
        var answers = FullAnswers();
        answers["Q4"] = "ofta";
        answers["Q1"] = "ja";
        answers["Q2"] = "";

        var ex = await InvalidAsync(Answer(answers));

        Assert.Equal(["answers[Q1]", "answers[Q2]", "answers[Q4]"], ex.Violations.Select(v => v.Field));
        Assert.Contains("aldrig, sallan, ibland, ofta, for-det-mesta, alltid", ex.Violations[0].Description, StringComparison.Ordinal);
        Assert.Contains("utelämna", ex.Violations[1].Description, StringComparison.Ordinal);
        Assert.Contains("ingen fråga Q4", ex.Violations[2].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_of_answers_is_refused_as_one_violation()
    {
        var answers = Enumerable.Range(0, 500).ToDictionary(i => $"X{i}", _ => "ofta");

        var ex = await InvalidAsync(Answer(answers));

        Assert.Equal("answers", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task Every_missing_field_is_named_at_once()
    {
        var ex = await InvalidAsync(new SubmitSurveyAnswerCommand("inte-ett-uuid", null, 0, " ", "2026-13", new Dictionary<string, string>()));

        Assert.Equal(
            ["answers", "insats_id", "instrument_id", "instrument_version", "period", "request_id"],
            ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2026-04", "har inte börjat")]
    [InlineData("2026-3", "ÅÅÅÅ-MM")]
    [InlineData("1999-12", "ÅÅÅÅ-MM")]
    [InlineData("2026-03-01", "ÅÅÅÅ-MM")]
    public async Task The_period_is_a_month_that_has_begun(string period, string expected)
    {
        var ex = await InvalidAsync(Answer(period: period));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal("period", violation.Field);
        Assert.Contains(expected, violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_current_month_is_accepted_by_the_swedish_calendar()
    {
        // 23:30 UTC on 31 March is already April in Sweden (summer time, UTC+2).
        _harness.Clock.Now = new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero);

        var answer = await Submit.HandleAsync(Staff, Answer(period: "2026-04"), Ct);

        Assert.Equal("2026-04", answer.Period.ToString());
    }

    [Fact]
    public async Task An_unknown_instrument_version_or_insats_is_named()
    {
        var unknownInstrument = await InvalidAsync(Answer(instrumentId: "finns-inte"));
        var unknownVersion = await InvalidAsync(Answer(version: 2));
        var unknownInsats = await InvalidAsync(Answer(insatsId: "insats-finns-inte"));

        Assert.Equal("instrument_id", Assert.Single(unknownInstrument.Violations).Field);
        var version = Assert.Single(unknownVersion.Violations);
        Assert.Equal("instrument_version", version.Field);
        Assert.Contains("senaste är 1", version.Description, StringComparison.Ordinal);
        Assert.Equal("insats_id", Assert.Single(unknownInsats.Violations).Field);
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_stores_one_answer_and_one_event()
    {
        var requestId = Guid.NewGuid().ToString();

        var first = await Submit.HandleAsync(Staff, Answer(requestId: requestId), Ct);
        var second = await Submit.HandleAsync(Staff, Answer(requestId: requestId.ToUpperInvariant()), Ct);
        var other = await Submit.HandleAsync(Staff, Answer(requestId: Guid.NewGuid().ToString()), Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(2, await StoredAsync());
        Assert.Equal(2, (await EventsAsync()).Count);
    }

    [Fact]
    public async Task Answers_without_request_ids_are_each_stored()
    {
        await Submit.HandleAsync(Staff, Answer(), Ct);
        await Submit.HandleAsync(Staff, Answer(), Ct);

        Assert.Equal(2, await StoredAsync());
    }

    [Fact]
    public async Task The_version_answered_is_checked_even_after_a_newer_version_exists()
    {
        await _harness.Get<DefineSurveyInstrumentVersionHandler>().HandleAsync(Admin, Definition(Nns, "Ny fråga?"), Ct);

        var toVersion1 = await Submit.HandleAsync(Staff, Answer(), Ct);
        var toVersion2 = await Submit.HandleAsync(Staff, Answer(new() { ["S1"] = "ja" }, version: 2), Ct);
        var mixedUp = await Assert.ThrowsAsync<ValidationFailedException>(() => Submit.HandleAsync(Staff, Answer(new() { ["S1"] = "ja" }, version: 1), Ct));

        Assert.Equal(1, toVersion1.InstrumentVersion);
        Assert.Equal(2, toVersion2.InstrumentVersion);
        Assert.Equal("answers[S1]", Assert.Single(mixedUp.Violations).Field);
        Assert.Equal(2, await StoredAsync());
    }

    [Theory]
    [InlineData(Roles.Samordnare)]
    [InlineData(Roles.Deltagaransvarig)]
    public async Task Staff_hand_in_answers_only_for_their_own_insats(string role)
    {
        var staff = ParticipantsHarness.As(role, "staff", null, Insats);

        await Submit.HandleAsync(staff, Answer(), Ct);
        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => Submit.HandleAsync(staff, Answer(insatsId: OtherInsats), Ct));

        Assert.Equal("NOT_IN_OWN_INSATS", ex.Reason);
        Assert.Equal(1, await StoredAsync());
    }

    [Theory]
    [InlineData(Roles.Analytiker)]
    [InlineData(Roles.Insatsansvarig)]
    [InlineData(Roles.Gruppledare)]
    [InlineData(Roles.AgencySystem)]
    public async Task Other_roles_may_not_hand_in_answers(string role)
    {
        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => Submit.HandleAsync(ParticipantsHarness.As(role, "someone", "fk", Insats), Answer(), Ct));

        Assert.Equal("ROLE_NOT_ALLOWED", ex.Reason);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task An_administrator_may_hand_in_answers_for_any_insats()
    {
        await Submit.HandleAsync(Admin, Answer(insatsId: OtherInsats), Ct);

        Assert.Equal(1, await StoredAsync());
    }
}
