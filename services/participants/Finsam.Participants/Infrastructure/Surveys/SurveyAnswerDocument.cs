using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Platform.Outbox;

namespace Finsam.Participants.Infrastructure.Surveys;

/// <summary>
/// One stored survey answer: the insats, the month, the instrument version, the answers, and nothing else —
/// no participant, enrolment, submitter or timestamp. The base class adds the id (random), the store's
/// version counter and the pending SurveyAnswered event until it is published.
/// </summary>
public sealed class SurveyAnswerDocument : OutboxDocument
{
    public const string CollectionName = "survey_answers";

    public string InsatsId { get; set; } = "";

    /// <summary>"YYYY-MM".</summary>
    public string Period { get; set; } = "";

    public string InstrumentId { get; set; } = "";

    public int InstrumentVersion { get; set; }

    /// <summary>Question code → option code; unanswered questions are absent.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];

    /// <summary>SHA-256 (hex) of the client's request id, or of a random one; unique, so a retry stores nothing new.</summary>
    public string RequestIdHash { get; set; } = "";
}
