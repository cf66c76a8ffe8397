namespace Finsam.Participants.Domain.Surveys;

/// <summary>
/// One filled-in deltagarenkät, unlinked from the person on purpose: no participant, no enrolment, no one who
/// handed it in and no time finer than the month. Nothing here can lead back to who answered.
/// </summary>
/// <param name="Id">A random (v4) UUID: a time-ordered one would carry the moment of submission.</param>
/// <param name="Answers">Question code → option code. Questions left unanswered are simply absent.</param>
public sealed record SurveyAnswer(
    string Id,
    string InsatsId,
    SurveyPeriod Period,
    string InstrumentId,
    int InstrumentVersion,
    IReadOnlyDictionary<string, string> Answers)
{
    public static string NewId() => Guid.NewGuid().ToString();
}
