using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain.Surveys;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Surveys;

/// <param name="InsatsId">Null: every insats (only for roles that see the whole förbund).</param>
/// <param name="InstrumentVersion">0: every version that has answers, and the latest always.</param>
/// <param name="FromPeriod">"YYYY-MM", inclusive; null: from the first answer.</param>
/// <param name="ToPeriod">"YYYY-MM", inclusive; null: up to the last answer.</param>
public sealed record SummarizeSurveyAnswersQuery(string? InsatsId, string? InstrumentId, int InstrumentVersion, string? FromPeriod, string? ToPeriod);

public sealed record SurveyAnswerCounts(
    string InstrumentId,
    string? InsatsId,
    SurveyPeriod? FromPeriod,
    SurveyPeriod? ToPeriod,
    IReadOnlyList<SurveyVersionCounts> Versions);

/// <summary>Counts for one instrument version: versions are counted apart, since their wording may differ.</summary>
/// <param name="Answers">How many forms were handed in.</param>
public sealed record SurveyVersionCounts(SurveyInstrument Instrument, int Answers, IReadOnlyList<SurveyQuestionCounts> Questions);

/// <param name="N">How many forms answered this question (the rest left it blank).</param>
public sealed record SurveyQuestionCounts(SurveyQuestion Question, int N, IReadOnlyList<SurveyOptionTally> Options);

public sealed record SurveyOptionTally(SurveyOption Option, int Count);

/// <summary>
/// The service's own view of the answers for staff checking their figures: n per question and the count per
/// option, per instrument version. Reporting builds its own from SurveyAnswered events.
/// </summary>
public sealed class SummarizeSurveyAnswersHandler(ISurveyInstruments instruments, ISurveyAnswers answers)
{
    public async Task<SurveyAnswerCounts> HandleAsync(AccessContext context, SummarizeSurveyAnswersQuery query, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var instrumentId = SurveyInstrumentRules.ValidateInstrumentId(query.InstrumentId, violations);
        var insatsId = Ids.Validate(query.InsatsId, "insats_id", "Insats-id", required: false, violations);
        if (string.IsNullOrWhiteSpace(query.InsatsId) && SurveyAccess.MustNameInsats(context.Caller))
        {
            violations.Add(new FieldViolation("insats_id", "Ange en av dina insatser."));
        }

        if (query.InstrumentVersion < 0)
        {
            violations.Add(new FieldViolation("instrument_version", "instrument_version ska vara 1 eller högre (0 eller utelämnad: alla versioner)."));
        }

        var from = OptionalPeriod(query.FromPeriod, "from_period", violations);
        var to = OptionalPeriod(query.ToPeriod, "to_period", violations);
        if (from is not null && to is not null && from > to)
        {
            violations.Add(new FieldViolation("to_period", $"to_period ({to}) ligger före from_period ({from})."));
        }

        IReadOnlyList<SurveyInstrument> versions = [];
        if (instrumentId is not null && query.InstrumentVersion >= 0)
        {
            versions = await instruments.ListVersionsAsync(instrumentId, cancellationToken);
            if (versions.Count == 0)
            {
                violations.Add(new FieldViolation("instrument_id", $"Enkätinstrumentet {instrumentId} finns inte."));
            }
            else if (query.InstrumentVersion > 0 && versions.All(v => v.Version != query.InstrumentVersion))
            {
                violations.Add(new FieldViolation(
                    "instrument_version", $"Enkätinstrumentet {instrumentId} har ingen version {query.InstrumentVersion} (senaste är {versions[^1].Version})."));
            }
        }

        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        SurveyAccess.EnsureMaySummarize(context.Caller, insatsId);

        var inRange = (await answers.ListAsync(instrumentId!, insatsId, cancellationToken))
            .Where(a => (from is null || a.Period >= from) && (to is null || a.Period <= to))
            .ToLookup(a => a.InstrumentVersion);
        var shown = query.InstrumentVersion > 0
            ? versions.Where(v => v.Version == query.InstrumentVersion)
            : versions.Where(v => v.Version == versions[^1].Version || inRange[v.Version].Any());
        return new SurveyAnswerCounts(
            instrumentId!,
            insatsId,
            from,
            to,
            shown.OrderByDescending(v => v.Version).Select(v => Summarize(v, inRange[v.Version].ToList())).ToList());
    }

    private static SurveyVersionCounts Summarize(SurveyInstrument instrument, IReadOnlyList<SurveyAnswer> answered) => new(
        instrument,
        answered.Count,
        instrument.Questions.Select(question =>
        {
            var chosen = answered.Select(a => a.Answers.GetValueOrDefault(question.Code)).OfType<string>().ToList();
            return new SurveyQuestionCounts(
                question,
                chosen.Count,
                question.Options.Select(option => new SurveyOptionTally(option, chosen.Count(c => c == option.Code))).ToList());
        }).ToList());

    private static SurveyPeriod? OptionalPeriod(string? text, string field, List<FieldViolation> violations)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var period = SurveyPeriod.TryParse(text);
        if (period is null)
        {
            violations.Add(new FieldViolation(field, $"{field} ska vara en månad som ÅÅÅÅ-MM, t.ex. 2026-03."));
        }

        return period;
    }
}
