using System.Text.Json.Serialization;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.ReadModels;

namespace Finsam.Reporting.Domain.Unlinked;

/// <summary>
/// One deltagarenkät answer as the event carries it: insats, month, instrument and the chosen option per question.
/// Nothing links it to a person or a stay, and nothing here adds such a link (no arrival time, no order).
/// </summary>
/// <param name="Period">"yyyy-MM".</param>
/// <param name="Answers">Question code → option code.</param>
public sealed record SurveyAnswer(
    string SurveyAnswerId,
    string InsatsId,
    string Period,
    string InstrumentId,
    int InstrumentVersion,
    [property: JsonConverter(typeof(SortedMapConverter<string>))] IReadOnlyDictionary<string, string> Answers);

/// <summary>Survey answers by answer id: a redelivered answer finds its id taken and changes nothing.</summary>
public sealed class SurveyTally : ReadModelBook<SurveyAnswer>
{
    public override string Kind => "survey-answers";

    public override void Apply(IIntegrationEvent integrationEvent, ISet<string> changed)
    {
        if (integrationEvent is not SurveyAnswered e)
        {
            return;
        }

        Update(e.SurveyAnswerId, current => current ?? Answer(e), changed);
    }

    // Question and option codes repeat in every answer: one instance each.
    private static SurveyAnswer Answer(SurveyAnswered e)
    {
        var answers = SortedMap<string>.Of(e.Answers.Select(a => KeyValuePair.Create(a.Key, Interned.Of(a.Value))));

        return new SurveyAnswer(e.SurveyAnswerId, Interned.Of(e.InsatsId), Interned.Of(e.Period), Interned.Of(e.InstrumentId), e.InstrumentVersion, answers);
    }
}
