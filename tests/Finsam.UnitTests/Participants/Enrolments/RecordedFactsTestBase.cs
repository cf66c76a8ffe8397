using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Domain;

namespace Finsam.UnitTests.Participants.Enrolments;

/// <summary>
/// Shared setup for correcting and retracting what a stay recorded: a stay in insats A (28-day plan deadline)
/// started 5 January 2026, so its plan is due 2 February; today is 2 March.
/// </summary>
public abstract class RecordedFactsTestBase : EnrolmentTestBase
{
    protected static readonly DateOnly Started = new(2026, 1, 5);
    protected static readonly DateOnly DueOn = new(2026, 2, 2);

    protected CorrectRecordedFactsHandlers Corrections => Harness.Get<CorrectRecordedFactsHandlers>();

    protected RetractRecordedFactHandler Retractions => Harness.Get<RetractRecordedFactHandler>();

    protected static Dictionary<string, int> Livshjul(int score, params (string Area, int Score)[] overrides)
    {
        var scores = SelfAssessmentInstruments.Livshjul.Areas.ToDictionary(a => a, _ => score);
        foreach (var (area, value) in overrides)
        {
            scores[area] = value;
        }

        return scores;
    }

    protected Task<Enrolment> PlanAsync(Enrolment enrolment, DateOnly recordedOn, string huvudmal = "Arbete på deltid", DateOnly? reviewDate = null) =>
        Harness.Get<RecordPlanHandler>().HandleAsync(
            Staff,
            new RecordPlanCommand(enrolment.Id, Etag(enrolment), recordedOn, "work", huvudmal, ["Arbetsträning två dagar i veckan"], ["Fasta rutiner"], reviewDate),
            Ct);

    protected Task<Enrolment> KartlaggningAsync(Enrolment enrolment, DateOnly date, params string[] areas) =>
        Harness.Get<RecordKartlaggningHandler>().HandleAsync(
            Staff, new RecordKartlaggningCommand(enrolment.Id, Etag(enrolment), date, areas.Length == 0 ? ["bakgrund", "hälsa"] : areas), Ct);

    protected Task<Enrolment> StaffAssessmentAsync(Enrolment enrolment, DateOnly assessedOn, string result = "Arbetsförmåga 3 av 4") =>
        Harness.Get<RecordAssessmentHandlers>().RecordStaffAsync(
            Staff, new RecordAssessmentCommand(enrolment.Id, Etag(enrolment), "DOA", "2", "1-4", assessedOn, result), Ct);

    protected Task<Enrolment> SelfAssessmentAsync(Enrolment enrolment, string phase, IReadOnlyDictionary<string, int> scores, DateOnly assessedOn) =>
        Harness.Get<RecordAssessmentHandlers>().RecordSelfAsync(
            Staff, new RecordSelfAssessmentCommand(enrolment.Id, Etag(enrolment), "livshjul", phase, assessedOn, scores), Ct);

    protected Task<Enrolment> FollowUpAsync(Enrolment enrolment, DateOnly contactOn, string note = "Arbetar kvar, trivs") =>
        Harness.Get<RecordFollowUpHandler>().HandleAsync(Staff, new RecordFollowUpCommand(enrolment.Id, Etag(enrolment), contactOn, note), Ct);

    protected Task<SelfAssessmentChange> ChangeAsync(Enrolment enrolment) =>
        Harness.Get<GetSelfAssessmentChangeHandler>().HandleAsync(Staff, enrolment.Id, null, Ct);

    protected async Task<IReadOnlyList<(string Field, string Old, string New)>> HistoryAsync(Enrolment enrolment) =>
        (await Harness.Get<GetEnrolmentHandlers>().HistoryAsync(Staff, enrolment.Id, Ct)).Select(c => (c.Field, c.OldValue, c.NewValue)).ToList();

    /// <summary>The stay as stored now, read the way the API reads it.</summary>
    protected Task<Enrolment> ReadAsync(Enrolment enrolment) => Harness.Get<GetEnrolmentHandlers>().GetAsync(Staff, enrolment.Id, Ct);
}
