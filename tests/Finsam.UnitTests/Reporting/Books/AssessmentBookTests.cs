using Finsam.IntegrationEvents;
using Finsam.Reporting.Domain.Assessments;
using static Finsam.UnitTests.Reporting.Books.BookEvents;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Books;

public sealed class AssessmentBookTests
{
    private static AssessmentBook Book(params IIntegrationEvent[] events)
    {
        var book = new AssessmentBook();
        book.ApplyAll(events);
        return book;
    }

    [Fact]
    public void Assessments_are_kept_per_enrolment_with_their_scores()
    {
        var book = Book(SelfAssessment("e1", "s1", "start", "2025-01-10", Scores(3, 4)), StaffAssessment("e1", "d1", "2025-01-12"));

        var facts = book.Find("e1")!.Assessments["s1"].Facts!;
        Assert.Equal(("self", "livshjul", "1", "start", D("2025-01-10")), (facts.Kind, facts.Instrument, facts.InstrumentVersion, facts.Phase, facts.AssessedOn));
        Assert.Equal(new Dictionary<string, int> { ["a1"] = 3, ["a2"] = 4 }, facts.Scores);
        Assert.Equal(["s1", "d1"], book.Find("e1")!.Counting().Select(a => a.AssessmentId));
        Assert.Empty(book.Find("e1")!.Assessments["d1"].Facts!.Scores);
    }

    [Fact]
    public void A_correction_that_occurred_later_wins_whatever_the_arrival_order()
    {
        var scores = Book(SelfCorrection("e1", "s1", "end", "2025-06-01", Scores(5, 5), at: 10), SelfAssessment("e1", "s1", "end", "2025-06-01", Scores(2, 2), at: 1))
            .Find("e1")!.Assessments["s1"].Facts!.Scores;
        Assert.Equal(5, scores["a1"]);
    }

    [Fact]
    public void A_retraction_before_the_assessment_keeps_it_from_counting()
    {
        var book = Book(AssessmentRetraction("e1", "s1", at: 5), SelfAssessment("e1", "s1", "start", "2025-01-10", Scores(3), at: 0));

        var record = book.Find("e1")!.Assessments["s1"];
        Assert.True(record.Retracted);
        Assert.False(record.Counts);
        Assert.Empty(book.Find("e1")!.Counting());
    }

    [Fact]
    public void A_second_delivery_changes_nothing_and_any_order_gives_the_same_assessments()
    {
        AssertIdempotentAndOrderFree<AssessmentBook>(
        [
            SelfAssessment("e1", "s1", "start", "2025-01-10", Scores(3, 4, 5), at: 0),
            SelfCorrection("e1", "s1", "start", "2025-01-11", Scores(3, 4, 6), at: 2),
            SelfCorrection("e1", "s1", "start", "2025-01-11", Scores(1, 4, 6), at: 2),
            SelfAssessment("e1", "s2", "end", "2025-05-10", Scores(5, 5, 5), at: 3), AssessmentRetraction("e1", "s2", at: 4),
            StaffAssessment("e2", "d1", "2025-02-01", at: 1), AssessmentRetraction("e3", "x", at: 1),
        ]);
    }

    [Fact]
    public void The_stored_json_of_an_enrolment_is_the_same_text_whatever_the_arrival_order()
    {
        IIntegrationEvent[] history =
        [
            SelfAssessment("e1", "s2", "end", "2025-05-10", Scores(5, 5), at: 3),
            StaffAssessment("e1", "d1", "2025-02-01", at: 1),
            SelfAssessment("e1", "s1", "start", "2025-01-10", Scores(3, 4), at: 0),
            AssessmentRetraction("e1", "s0", at: 2),
        ];
        var json = Json(Book(history));

        Assert.Equal(json, Json(Book([.. history.Reverse()])));
        Assert.Equal(json, Json(Book(history[2], history[0], history[3], history[1])));
        Assert.Equal(["d1", "s0", "s1", "s2"], Book(history).Find("e1")!.Assessments.Keys);

        static string Json(AssessmentBook book) =>
            System.Text.Json.JsonSerializer.Serialize(book.Find("e1"), Finsam.Reporting.Infrastructure.ReadModels.ReadModelJson.Options);
    }

    [Fact]
    public void Every_enrolments_assessments_round_trip_through_json()
    {
        AssertRoundTrips(Book(SelfAssessment("e1", "s1", "start", "2025-01-10", Scores(3, 4)), StaffAssessment("e1", "d1", "2025-01-12"), AssessmentRetraction("e2", "s9", at: 3)));
    }
}
