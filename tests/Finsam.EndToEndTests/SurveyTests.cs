using System.Net;
using System.Net.Http.Json;
using System.Globalization;
using Finsam.Platform.Security;
using Finsam.Protos.Participants.V1;
using Grpc.Core;

namespace Finsam.EndToEndTests;

/// <summary>The deltagarenkät through the gateway: the seeded instrument, answers handed in, the staff summary.</summary>
[Collection(SystemCollection.Name)]
public sealed class SurveyTests(FinsamSystem system)
{
    private const string Nns = "nns-deltagare";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Last month has begun everywhere, whatever the hour.
    private static string LastMonth => DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task<string> DefineInsatsAsync()
    {
        using var response = await system.AdminRest.PostAsJsonAsync("/v1/activities/insatser", new
        {
            name = $"Enkätinsats {Guid.NewGuid():N}",
            kind = "INSATS_KIND_INDIVIDUAL",
            budgetedPlaces = 10,
            planDeadlineDays = 28,
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<InsatsJson>(Ct))!.InsatsId;
    }

    private HttpClient StaffOf(string insatsId) => system.RestAs(system.Token(Roles.Samordnare, insatser: [insatsId]));

    [Fact]
    public async Task The_seeded_nns_instrument_is_listed_and_readable_by_version()
    {
        using var staff = system.RestAs(system.Token(Roles.Deltagaransvarig));

        var list = await staff.GetFromJsonAsync<InstrumentListJson>("/v1/surveys/instruments", Ct);
        var nns = Assert.Single(list!.Instruments, i => i.InstrumentId == Nns);
        var q1 = nns.Questions[0];
        Assert.Equal("Q1", q1.Code);
        Assert.Equal("Har du fått stöd på ett sätt som är till stor nytta för dig?", q1.Text);
        Assert.Equal(["Aldrig", "Sällan", "Ibland", "Ofta", "För det mesta", "Alltid"], q1.Options.Select(o => o.Label));

        var v1 = await staff.GetFromJsonAsync<InstrumentJson>($"/v1/surveys/instruments/{Nns}?version=1", Ct);
        Assert.Equal(1, v1!.Version);
        Assert.Equal(["Q1", "Q2", "Q3", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10"], v1.Questions.Select(q => q.Code));
        Assert.Equal(["ja", "nej"], v1.Questions.Single(q => q.Code == "Q8").Options.Select(o => o.Code));

        using var missing = await staff.GetAsync($"/v1/surveys/instruments/{Nns}?version=999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Answers_handed_in_over_rest_are_counted_in_the_summary_and_a_retry_counts_once()
    {
        var insatsId = await DefineInsatsAsync();
        using var staff = StaffOf(insatsId);
        var correlationId = $"enkat-{Guid.NewGuid():N}";
        staff.DefaultRequestHeaders.Add("X-Correlation-ID", correlationId);
        var requestId = Guid.NewGuid();
        var form = new
        {
            requestId,
            instrumentId = Nns,
            instrumentVersion = 1,
            insatsId,
            period = LastMonth,
            answers = new Dictionary<string, string> { ["Q1"] = "ofta", ["Q8"] = "ja" },
        };

        using var first = await staff.PostAsJsonAsync("/v1/surveys/answers", form, Ct);
        // The client timed out and sends the same form again.
        using var retry = await staff.PostAsJsonAsync("/v1/surveys/answers", form, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stored = (await first.Content.ReadFromJsonAsync<SurveyAnswerJson>(Ct))!;
        Assert.Equal(stored.SurveyAnswerId, (await retry.Content.ReadFromJsonAsync<SurveyAnswerJson>(Ct))!.SurveyAnswerId);
        Assert.Equal(4, Guid.Parse(stored.SurveyAnswerId).Version);
        Assert.Equal(LastMonth, stored.Period);
        var body = await first.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("participant", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(requestId.ToString(), body, StringComparison.OrdinalIgnoreCase);
        using var anotherForm = await staff.PostAsJsonAsync("/v1/surveys/answers", new
        {
            instrumentId = Nns, instrumentVersion = 1, insatsId, period = LastMonth,
            answers = new Dictionary<string, string> { ["Q1"] = "alltid" },
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, anotherForm.StatusCode);

        var summary = await staff.GetFromJsonAsync<SummaryOfAnswersJson>(
            $"/v1/surveys/answers:summary?insatsId={insatsId}&instrumentId={Nns}&fromPeriod={LastMonth}&toPeriod={LastMonth}", Ct);

        var version = Assert.Single(summary!.Versions);
        Assert.Equal(2, version.AnswerCount);
        var q1 = version.Questions.Single(q => q.Code == "Q1");
        Assert.Equal(2, q1.N);
        Assert.Equal(1, q1.Options.Single(o => o.Code == "ofta").Count);
        Assert.Equal(1, q1.Options.Single(o => o.Code == "alltid").Count);
        Assert.Equal(1, version.Questions.Single(q => q.Code == "Q8").N);
        Assert.Equal(0, version.Questions.Single(q => q.Code == "Q5").N);

        // The events leave through the outbox, but not under the request's correlation id: that id is in the
        // request logs beside the caller, and would tie the answer to who handed it in.
        Assert.True(
            await system.Participants.WaitForOutputAsync(l => l.Contains("Published SurveyAnswered", StringComparison.Ordinal), TimeSpan.FromSeconds(30)),
            "SurveyAnswered published");
        Assert.True(await system.Participants.WaitForOutputAsync(l => l.Contains(correlationId, StringComparison.Ordinal), TimeSpan.FromSeconds(5)), "the request was logged");
        Assert.DoesNotContain(
            system.Participants.Lines,
            l => l.Contains(correlationId, StringComparison.Ordinal) && l.Contains("Published", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_answer_is_400_naming_the_question()
    {
        var insatsId = await DefineInsatsAsync();
        using var staff = StaffOf(insatsId);

        using var response = await staff.PostAsJsonAsync("/v1/surveys/answers", new
        {
            instrumentId = Nns,
            instrumentVersion = 1,
            insatsId,
            period = LastMonth,
            answers = new Dictionary<string, string> { ["Q1"] = "kanske", ["Q4"] = "ofta" },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<ErrorJson>(Ct))!;
        var violations = Assert.Single(error.Details, d => d.Type.EndsWith("google.rpc.BadRequest", StringComparison.Ordinal)).FieldViolations!;
        Assert.Equal(["answers[Q1]", "answers[Q4]"], violations.Select(v => v.Field));
    }

    [Fact]
    public async Task Staff_of_another_insats_can_neither_hand_in_nor_read_the_summary()
    {
        var insatsId = await DefineInsatsAsync();
        using var outsider = StaffOf(await DefineInsatsAsync());

        using var submit = await outsider.PostAsJsonAsync("/v1/surveys/answers", new
        {
            instrumentId = Nns, instrumentVersion = 1, insatsId, period = LastMonth,
            answers = new Dictionary<string, string> { ["Q1"] = "ofta" },
        }, Ct);
        using var summary = await outsider.GetAsync($"/v1/surveys/answers:summary?insatsId={insatsId}&instrumentId={Nns}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, summary.StatusCode);
    }

    [Fact]
    public async Task An_answer_handed_in_over_native_grpc_is_counted()
    {
        var insatsId = await DefineInsatsAsync();
        using var channel = system.GrpcAs(system.Token(Roles.Deltagaransvarig, insatser: [insatsId]));
        var surveys = new SurveysService.SurveysServiceClient(channel);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20));

        var answer = await surveys.SubmitSurveyAnswerAsync(new SubmitSurveyAnswerRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            InstrumentId = Nns,
            InstrumentVersion = 1,
            InsatsId = insatsId,
            Period = LastMonth,
            Answers = { ["Q6"] = "till-stor-del", ["Q10"] = "helt-och-hallet" },
        }, options);

        Assert.Equal(insatsId, answer.InsatsId);
        Assert.Equal("till-stor-del", answer.Answers["Q6"]);
        var summary = await surveys.SummarizeSurveyAnswersAsync(
            new SummarizeSurveyAnswersRequest { InsatsId = insatsId, InstrumentId = Nns }, options);
        var version = Assert.Single(summary.Versions);
        Assert.Equal(1, version.AnswerCount);
        Assert.Equal(1, version.Questions.Single(q => q.Code == "Q6").Options.Single(o => o.Code == "till-stor-del").Count);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await surveys.SubmitSurveyAnswerAsync(new SubmitSurveyAnswerRequest
        {
            InstrumentId = Nns, InstrumentVersion = 2_000, InsatsId = insatsId, Period = LastMonth, Answers = { ["Q1"] = "ofta" },
        }, options));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }
}

public sealed record InstrumentListJson(List<InstrumentJson> Instruments, string? NextPageToken);

public sealed record InstrumentJson(string InstrumentId, int Version, string Name, List<QuestionJson> Questions);

public sealed record QuestionJson(string Code, string Text, List<OptionJson> Options);

public sealed record OptionJson(string Code, string Label);

public sealed record SurveyAnswerJson(string SurveyAnswerId, string InsatsId, string Period, string InstrumentId, int InstrumentVersion, Dictionary<string, string> Answers);

public sealed record SummaryOfAnswersJson(string InstrumentId, string InsatsId, List<VersionCountsJson> Versions);

public sealed record VersionCountsJson(int InstrumentVersion, int AnswerCount, List<QuestionCountsJson> Questions);

public sealed record QuestionCountsJson(string Code, int N, List<OptionCountJson> Options);

public sealed record OptionCountJson(string Code, string Label, int Count);
