using Finsam.IntegrationEvents;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Sections;
using static Finsam.UnitTests.Reporting.Books.BookEvents;
using static Finsam.UnitTests.Reporting.Reports.BookSectionModel;

namespace Finsam.UnitTests.Reporting.Reports;

public sealed class SurveyCalculatorTests
{
    private static readonly ReportSettings Settings = new()
    {
        SurveyThresholds = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>
        {
            ["nns"] = new Dictionary<string, IReadOnlyList<string>> { ["Q1"] = ["ofta", "for-det-mesta", "alltid"] },
        },
    };

    private static Dictionary<string, string> A(params (string Question, string Option)[] answers) => answers.ToDictionary(a => a.Question, a => a.Option);

    private static readonly IIntegrationEvent[] History =
    [
        Survey("a1", "2025-03", A(("Q1", "ofta"), ("Q8", "ja"))),
        Survey("a2", "2025-04", A(("Q1", "sallan"), ("Q8", "nej"))),
        Survey("a3", "2025-12", A(("Q1", "alltid"), ("Q10", "helt-och-hallet"))),
        Survey("a4", "2025-06", A(("Q1", "aldrig"))),
        Survey("a1", "2025-03", A(("Q1", "ofta"), ("Q8", "ja"))),
        Survey("a5", "2026-01", A(("Q1", "alltid"))),
        Survey("a6", "2025-05", A(("Q1", "alltid")), insats: "Y"),
        Survey("a7", "2025-07", A(("Q1", "ofta")), version: 2),
    ];

    private static Tally T(string code, int count, decimal? percent) => new(code, code, Count.Of(count), percent);

    [Fact]
    public void Answers_per_instrument_version_and_question_with_the_share_at_or_above_the_threshold()
    {
        var questions = SurveyCalculator.For(Input(Model(History), "X", 2025, Settings)).Questions;

        Assert.Equal([("nns", 1, "Q1"), ("nns", 1, "Q8"), ("nns", 1, "Q10"), ("nns", 2, "Q1")], questions.Select(q => (q.InstrumentId, q.InstrumentVersion, q.QuestionCode)));

        var q1 = questions[0];
        Assert.Equal(Count.Of(4), q1.N);
        Assert.Equal([T("ofta", 1, 25.0m), T("for-det-mesta", 0, 0m), T("alltid", 1, 25.0m), T("aldrig", 1, 25.0m), T("sallan", 1, 25.0m)], q1.Distribution);
        Assert.Equal(("ofta", Count.Of(2), (decimal?)50.0m), (q1.ThresholdOption, q1.AtOrAboveThreshold, q1.AtOrAbovePercent));

        var q8 = questions[1];
        Assert.Equal([T("ja", 1, 50.0m), T("nej", 1, 50.0m)], q8.Distribution);
        Assert.Equal((Count.Of(2), (string?)null, (Count?)null, (decimal?)null), (q8.N, q8.ThresholdOption, q8.AtOrAboveThreshold, q8.AtOrAbovePercent));

        Assert.Equal([T("helt-och-hallet", 1, 100.0m)], questions[2].Distribution);

        var v2 = questions[3];
        Assert.Equal((Count.Of(1), "ofta", Count.Of(1), (decimal?)100.0m), (v2.N, v2.ThresholdOption, v2.AtOrAboveThreshold, v2.AtOrAbovePercent));
    }

    [Fact]
    public void At_forbund_level_every_insats_counts()
    {
        var q1 = SurveyCalculator.For(Input(Model(History), null, 2025, Settings)).Questions[0];

        Assert.Equal((Count.Of(5), Count.Of(3), (decimal?)60.0m), (q1.N, q1.AtOrAboveThreshold, q1.AtOrAbovePercent));
    }

    [Fact]
    public void Without_thresholds_no_share_is_given()
    {
        var q1 = SurveyCalculator.For(Input(Model(History), "X", 2025)).Questions[0];

        Assert.Equal(["aldrig", "alltid", "ofta", "sallan"], q1.Distribution.Select(t => t.Code));
        Assert.Equal(((string?)null, (Count?)null, (decimal?)null), (q1.ThresholdOption, q1.AtOrAboveThreshold, q1.AtOrAbovePercent));
    }

    [Fact]
    public void A_year_without_answers_has_no_questions()
    {
        Assert.Empty(SurveyCalculator.For(Input(Model(History), "X", 2024, Settings)).Questions);
    }
}
