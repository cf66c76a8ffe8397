namespace Finsam.IntegrationEvents.Participants.V1;

/// <summary>
/// One deltagarenkät answer, unlinked from the person: only the insats, the month and the instrument.
/// OccurredAt is the first day of the month on purpose, so not even timing can tie it to an ending.
/// </summary>
/// <param name="Period">"YYYY-MM".</param>
/// <param name="Answers">Question code → the chosen option's code, e.g. "Q1" → "ofta".</param>
public sealed record SurveyAnswered(
    string SurveyAnswerId,
    string InsatsId,
    string Period,
    string InstrumentId,
    int InstrumentVersion,
    IReadOnlyDictionary<string, string> Answers,
    DateTime OccurredAt) : IUnlinkedEvent;
