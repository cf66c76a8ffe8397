using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.UnitTests.Participants.Enrolments;

public sealed class AssessmentTests : EnrolmentTestBase
{
    private static readonly DateOnly Started = new(2026, 1, 5);

    private RecordAssessmentHandlers Handlers => Harness.Get<RecordAssessmentHandlers>();

    private static Dictionary<string, int> Livshjul(int score, params (string Area, int Score)[] overrides)
    {
        var scores = SelfAssessmentInstruments.Livshjul.Areas.ToDictionary(a => a, _ => score);
        foreach (var (area, value) in overrides)
        {
            scores[area] = value;
        }

        return scores;
    }

    private Task<Enrolment> SelfAsync(Enrolment enrolment, string phase, IReadOnlyDictionary<string, int> scores, DateOnly? on = null, string instrument = "livshjul") =>
        Handlers.RecordSelfAsync(Staff, new RecordSelfAssessmentCommand(enrolment.Id, Etag(enrolment), instrument, phase, on ?? Started, scores), Ct);

    private Task<SelfAssessmentChange> ChangeAsync(Enrolment enrolment) =>
        Harness.Get<GetSelfAssessmentChangeHandler>().HandleAsync(Staff, enrolment.Id, null, Ct);

    [Fact]
    public async Task Staff_assessment_is_recorded_as_data_and_published_as_staff()
    {
        var enrolment = await EnrolledAsync(Started);

        var changed = await Handlers.RecordStaffAsync(
            Staff, new RecordAssessmentCommand(enrolment.Id, Etag(enrolment), "DOA", "2", "1-4", new DateOnly(2026, 2, 1), "Arbetsförmåga 3 av 4"), Ct);

        var assessment = Assert.Single(changed.Assessments);
        Assert.Equal(("DOA", "2", "1-4"), (assessment.Instrument, assessment.InstrumentVersion, assessment.Scale));
        var recorded = Assert.Single(await EventsAsync<AssessmentRecorded>());
        Assert.Equal(("staff", "DOA", "2", "other"), (recorded.Kind, recorded.Instrument, recorded.InstrumentVersion, recorded.Phase));
        Assert.Empty(recorded.Scores);
        // The written result stays in the service: free text never travels in an event.
        Assert.Equal("Arbetsförmåga 3 av 4", assessment.Result);
        Assert.DoesNotContain("Arbetsförmåga", System.Text.Json.JsonSerializer.Serialize(recorded), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Anna Andersson har svårt med sömnen och mår dåligt")]
    [InlineData("DOA; drop")]
    [InlineData("-DOA")]
    public async Task Instrument_names_that_are_not_short_name_tokens_are_refused(string instrument)
    {
        var enrolment = await EnrolledAsync(Started);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.RecordStaffAsync(
            Staff, new RecordAssessmentCommand(enrolment.Id, Etag(enrolment), instrument, "2", "1-4", new DateOnly(2026, 2, 1), "3"), Ct));

        Assert.Equal(["instrument"], Fields(ex));
    }

    [Fact]
    public async Task Staff_assessment_needs_instrument_date_and_result()
    {
        var enrolment = await EnrolledAsync(Started);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.RecordStaffAsync(
            Staff, new RecordAssessmentCommand(enrolment.Id, Etag(enrolment), "", "", "", null, " "), Ct));

        Assert.Equal(["assessed_on", "instrument", "result"], Fields(ex));
    }

    [Fact]
    public async Task Score_outside_the_scale_names_its_area()
    {
        var enrolment = await EnrolledAsync(Started);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => SelfAsync(enrolment, "start", Livshjul(3, ("mat", 7), ("somn", 0))));

        Assert.Equal(["scores[mat]", "scores[somn]"], Fields(ex));
        Assert.Contains("1 och 6", ex.Violations[0].Description, StringComparison.Ordinal);
        Assert.Empty(await EventsAsync<AssessmentRecorded>());
    }

    [Fact]
    public async Task Area_outside_the_instrument_names_it()
    {
        var enrolment = await EnrolledAsync(Started);
        var scores = Livshjul(3);
        scores["sallskap"] = 4;

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => SelfAsync(enrolment, "start", scores));

        Assert.Equal("scores[sallskap]", Field(ex));
    }

    [Fact]
    public async Task Phase_instrument_and_scores_are_required()
    {
        var enrolment = await EnrolledAsync(Started);

        var badPhase = await Assert.ThrowsAsync<ValidationFailedException>(() => SelfAsync(enrolment, "middle", new Dictionary<string, int>()));
        var badInstrument = await Assert.ThrowsAsync<ValidationFailedException>(() => SelfAsync(enrolment, "start", Livshjul(3), instrument: "kasam"));

        Assert.Equal(["phase", "scores"], Fields(badPhase));
        Assert.Equal("instrument", Field(badInstrument));
    }

    [Fact]
    public async Task Self_assessment_is_published_as_self_with_its_scores()
    {
        var enrolment = await EnrolledAsync(Started);

        await SelfAsync(enrolment, "start", Livshjul(2, ("stress", 5)));

        var recorded = Assert.Single(await EventsAsync<AssessmentRecorded>());
        Assert.Equal(("self", "livshjul", "1", "start"), (recorded.Kind, recorded.Instrument, recorded.InstrumentVersion, recorded.Phase));
        Assert.Equal(8, recorded.Scores.Count);
        Assert.Equal(5, recorded.Scores["stress"]);
    }

    [Fact]
    public async Task Change_per_area_counts_the_improved_areas()
    {
        var enrolment = await EnrolledAsync(Started);
        enrolment = await SelfAsync(enrolment, "start", Livshjul(3, ("mat", 5)));
        await SelfAsync(enrolment, "end", Livshjul(3, ("resurser", 5), ("somn", 4), ("fritid", 6), ("mat", 2)), new DateOnly(2026, 2, 27));

        var change = await ChangeAsync(enrolment);

        Assert.Equal(SelfAssessmentInstruments.Livshjul.Areas, change.Areas.Select(a => a.Area));
        Assert.Equal(3, change.ImprovedAreas);
        Assert.Equal(8, change.ComparedAreas);
        Assert.Equal(Started, change.StartAssessedOn);
        Assert.Equal(new DateOnly(2026, 2, 27), change.EndAssessedOn);
        var resurser = change.Areas.Single(a => a.Area == "resurser");
        Assert.Equal((3, 5, 2), (resurser.Start, resurser.End, resurser.Change));
        Assert.Equal(-3, change.Areas.Single(a => a.Area == "mat").Change);
        Assert.Equal(0, change.Areas.Single(a => a.Area == "stress").Change);
    }

    [Fact]
    public async Task Without_an_end_assessment_nothing_is_compared()
    {
        var enrolment = await EnrolledAsync(Started);
        await SelfAsync(enrolment, "start", Livshjul(3));

        var change = await ChangeAsync(enrolment);

        Assert.Equal(0, change.ComparedAreas);
        Assert.Equal(0, change.ImprovedAreas);
        Assert.Null(change.EndAssessedOn);
        Assert.All(change.Areas, a => Assert.Equal((3, (int?)null, (int?)null), (a.Start!.Value, a.End, a.Change)));
    }

    [Fact]
    public async Task The_latest_assessment_of_a_phase_counts()
    {
        var enrolment = await EnrolledAsync(Started);
        enrolment = await SelfAsync(enrolment, "start", Livshjul(1), new DateOnly(2026, 1, 6));
        enrolment = await SelfAsync(enrolment, "start", Livshjul(2), new DateOnly(2026, 1, 8));
        await SelfAsync(enrolment, "end", Livshjul(3), new DateOnly(2026, 2, 20));

        var change = await ChangeAsync(enrolment);

        Assert.All(change.Areas, a => Assert.Equal(1, a.Change));
        Assert.Equal(8, change.ImprovedAreas);
    }

    [Fact]
    public async Task Self_assessment_outside_the_stay_names_assessed_on()
    {
        var enrolment = await EnrolledAsync(Started);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => SelfAsync(enrolment, "start", Livshjul(3), new DateOnly(2026, 1, 4)));

        Assert.Equal("assessed_on", Field(ex));
    }
}
