using Finsam.Reporting.Domain.Stays;
using Finsam.Reporting.Domain.Unlinked;
using static Finsam.UnitTests.Reporting.Books.BookEvents;

namespace Finsam.UnitTests.Reporting.Books;

public sealed class UnlinkedTallyTests
{
    [Fact]
    public void A_survey_answer_is_kept_as_it_came_and_a_redelivery_changes_nothing()
    {
        var tally = new SurveyTally();
        var answer = Survey("a1", "2025-03", new Dictionary<string, string> { ["Q2"] = "ofta", ["Q1"] = "alltid" });

        Assert.Single(ApplyAll(tally, [answer]));
        Assert.Empty(ApplyAll(tally, [answer]));

        var kept = tally.Find("a1")!;
        Assert.Equal(("X", "2025-03", "nns", 1), (kept.InsatsId, kept.Period, kept.InstrumentId, kept.InstrumentVersion));
        Assert.Equal(new Dictionary<string, string> { ["Q1"] = "alltid", ["Q2"] = "ofta" }, kept.Answers);
    }

    [Fact]
    public void An_evaluation_form_is_kept_as_it_came_and_a_redelivery_changes_nothing()
    {
        var tally = new EvaluationTally();
        var form = Evaluation("v1", "g1", "2025-05", ["Omfattningen var bra", "Jag blev bemött med respekt"], [5, 0]);

        Assert.Single(ApplyAll(tally, [form]));
        Assert.Empty(ApplyAll(tally, [form]));

        var kept = tally.Find("v1")!;
        Assert.Equal(("g1", "G", "2025-05"), (kept.GroupId, kept.InsatsId, kept.Month));
        Assert.Equal(["Omfattningen var bra", "Jag blev bemött med respekt"], kept.Statements);
        Assert.Equal([5, 0], kept.Ratings);
    }

    [Fact]
    public void Any_order_gives_the_same_tallies()
    {
        AssertIdempotentAndOrderFree<SurveyTally>(
        [
            Survey("a1", "2025-03", new Dictionary<string, string> { ["Q1"] = "ofta" }),
            Survey("a2", "2025-04", new Dictionary<string, string> { ["Q1"] = "sallan", ["Q8"] = "ja" }),
            Survey("a1", "2025-03", new Dictionary<string, string> { ["Q1"] = "ofta" }),
        ]);
        AssertIdempotentAndOrderFree<EvaluationTally>(
        [
            Evaluation("v1", "g1", "2025-05", ["S1"], [5]), Evaluation("v2", "g1", "2025-05", ["S1"], [6]), Evaluation("v1", "g1", "2025-05", ["S1"], [5]),
        ]);
    }

    [Fact]
    public void Survey_answers_and_evaluation_forms_round_trip_through_json()
    {
        var answers = new SurveyTally();
        ApplyAll(answers, [Survey("a1", "2025-03", new Dictionary<string, string> { ["Q1"] = "ofta", ["Q8"] = "ja" })]);
        AssertRoundTrips(answers);

        var forms = new EvaluationTally();
        ApplyAll(forms, [Evaluation("v1", "g1", "2025-05", ["Jag känner mig mer redo för nästa steg", "S2"], [6, 0])]);
        AssertRoundTrips(forms);
    }

    [Theory]
    [InlineData("2025-01", "2025-01-01", "2025-12-31", true)]
    [InlineData("2025-12", "2025-01-01", "2025-12-31", true)]
    [InlineData("2024-12", "2025-01-01", "2025-12-31", false)]
    [InlineData("2026-01", "2025-01-01", "2025-12-31", false)]
    [InlineData("2020-10", "2020-10-15", "2023-08-31", false)]
    [InlineData("2020-11", "2020-10-15", "2023-08-31", true)]
    [InlineData("2023-08", "2020-10-15", "2023-08-31", true)]
    [InlineData("2025-6", "2025-01-01", "2025-12-31", false)]
    [InlineData("garbage", "2025-01-01", "2025-12-31", false)]
    public void A_month_belongs_to_the_period_its_first_day_falls_in(string month, string from, string to, bool expected)
    {
        var period = new ReportPeriod(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, UnlinkedMonth.FallsIn(month, period));
    }
}
