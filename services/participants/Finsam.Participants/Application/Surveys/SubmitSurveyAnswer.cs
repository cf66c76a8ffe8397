using System.Security.Cryptography;
using System.Text;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Catalogue;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain.Surveys;
using Finsam.Platform.Errors;
using Finsam.Platform.Time;
using Finsam.Platform.Validation;

namespace Finsam.Participants.Application.Surveys;

/// <summary>The form as handed in. There is deliberately no field for who answered.</summary>
public sealed record SubmitSurveyAnswerCommand(
    string? RequestId,
    string? InstrumentId,
    int InstrumentVersion,
    string? InsatsId,
    string? Period,
    IReadOnlyDictionary<string, string> Answers);

/// <summary>
/// Stores one deltagarenkät answer, unlinked from the person: only the insats, the month, the instrument
/// version and the chosen options are kept, with a SurveyAnswered event in the same write.
/// <para>
/// Questions may be left unanswered (national indicators count n per question): an unanswered question is
/// absent from the map. A question the instrument doesn't have, or an option it doesn't offer, is refused
/// naming <c>answers[Q1]</c>. A form with no answer at all carries nothing to count and is refused too.
/// </para>
/// <para>
/// No access-log entry is written, on purpose: the answer is not personal data, and a log entry (who, when,
/// which insats) next to it would be exactly the link to the person this design avoids.
/// </para>
/// </summary>
public sealed class SubmitSurveyAnswerHandler(ISurveyInstruments instruments, ISurveyAnswers answers, IInsatsCatalogue catalogue, TimeProvider clock)
{
    public async Task<SurveyAnswer> HandleAsync(AccessContext context, SubmitSurveyAnswerCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var requestId = RequestIds.Parse(command.RequestId, violations);
        var instrumentId = SurveyInstrumentRules.ValidateInstrumentId(command.InstrumentId, violations);
        if (command.InstrumentVersion < 1)
        {
            violations.Add(new FieldViolation("instrument_version", "Ange vilken version av enkätinstrumentet som besvarades (1 eller högre)."));
        }

        var insatsId = Ids.Validate(command.InsatsId, "insats_id", "Insats-id", required: true, violations);
        var period = ValidatePeriod(command.Period, violations);
        var answerCount = command.Answers.Count;
        if (answerCount == 0)
        {
            violations.Add(new FieldViolation("answers", "Inga svar: besvara minst en fråga."));
        }
        else if (answerCount > SurveyInstrumentRules.MaxQuestions)
        {
            // No instrument has this many questions; checking each key would only make a huge error response.
            violations.Add(new FieldViolation("answers", $"För många svar: ett enkätinstrument har högst {SurveyInstrumentRules.MaxQuestions} frågor."));
        }

        // The lookups belong to validation, so every problem with the form is reported at once.
        if (instrumentId is not null && command.InstrumentVersion >= 1 && answerCount <= SurveyInstrumentRules.MaxQuestions)
        {
            var instrument = await instruments.GetAsync(instrumentId, command.InstrumentVersion, cancellationToken);
            if (instrument is not null)
            {
                ValidateAnswers(instrument, command.Answers, violations);
            }
            else if (await instruments.GetAsync(instrumentId, null, cancellationToken) is { } latest)
            {
                violations.Add(new FieldViolation(
                    "instrument_version", $"Enkätinstrumentet {instrumentId} har ingen version {command.InstrumentVersion} (senaste är {latest.Version})."));
            }
            else
            {
                violations.Add(new FieldViolation("instrument_id", $"Enkätinstrumentet {instrumentId} finns inte."));
            }
        }

        if (insatsId is not null && await catalogue.GetAsync(insatsId, cancellationToken) is null)
        {
            violations.Add(new FieldViolation("insats_id", "Insatsen finns inte i insatskatalogen."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        SurveyAccess.EnsureMaySubmit(context.Caller, insatsId!);

        // Only a one-way hash of the request id is stored: enough to recognise a retry, useless for finding
        // the answer from a client's or proxy's logs. Without a request id the key is random, so all keys look alike.
        var requestKey = RequestKey(requestId ?? Guid.NewGuid().ToString());
        if (requestId is not null && await answers.FindByRequestKeyAsync(requestKey, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var answer = new SurveyAnswer(
            SurveyAnswer.NewId(),
            insatsId!,
            period!.Value,
            instrumentId!,
            command.InstrumentVersion,
            new SortedDictionary<string, string>(command.Answers.ToDictionary(), StringComparer.Ordinal));
        try
        {
            await answers.AddAsync(answer, requestKey, Answered(answer), cancellationToken);
        }
        catch (SurveyRequestKeyTakenException) when (requestId is not null)
        {
            // A concurrent retry of the same request won the race: answer with its result.
            return await answers.FindByRequestKeyAsync(requestKey, cancellationToken)
                ?? throw new InvalidOperationException("A survey request key was taken but its answer is missing.");
        }

        return answer;
    }

    /// <summary>SHA-256 of the canonical request id, as lowercase hex.</summary>
    public static string RequestKey(string requestId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)));

    /// <summary>OccurredAt is the first day of the period, on purpose: the event carries no finer time than the answer.</summary>
    public static SurveyAnswered Answered(SurveyAnswer answer) => new(
        answer.Id,
        answer.InsatsId,
        answer.Period.ToString(),
        answer.InstrumentId,
        answer.InstrumentVersion,
        answer.Answers,
        answer.Period.FirstDayUtc);

    private SurveyPeriod? ValidatePeriod(string? text, List<FieldViolation> violations)
    {
        if (string.IsNullOrEmpty(text))
        {
            violations.Add(new FieldViolation("period", "Period saknas: ange månaden som ÅÅÅÅ-MM."));
            return null;
        }

        if (SurveyPeriod.TryParse(text) is not { } period)
        {
            violations.Add(new FieldViolation("period", $"Perioden ska vara en månad som ÅÅÅÅ-MM (från {SurveyPeriod.FirstYear}), t.ex. 2026-03."));
            return null;
        }

        var current = SurveyPeriod.Of(SwedishCalendar.Today(clock));
        if (period > current)
        {
            violations.Add(new FieldViolation("period", $"Perioden {period} har inte börjat än (nu är det {current})."));
            return null;
        }

        return period;
    }

    private static void ValidateAnswers(SurveyInstrument instrument, IReadOnlyDictionary<string, string> given, List<FieldViolation> violations)
    {
        foreach (var (questionCode, optionCode) in given.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var field = $"answers[{EchoedInput.Shorten(questionCode)}]";
            var question = instrument.Question(questionCode);
            if (question is null)
            {
                violations.Add(new FieldViolation(
                    field,
                    $"{instrument.InstrumentId} version {instrument.Version} har ingen fråga {EchoedInput.Shorten(questionCode)}. Frågorna är {string.Join(", ", instrument.Questions.Select(q => q.Code))}."));
            }
            else if (!question.HasOption(optionCode))
            {
                violations.Add(new FieldViolation(
                    field,
                    string.IsNullOrEmpty(optionCode)
                        ? $"Svar saknas på {question.Code}: välj ett svarsalternativ eller utelämna frågan. Svarsalternativen är {Codes(question)}."
                        : $"\"{EchoedInput.Shorten(optionCode)}\" är inget svarsalternativ på {question.Code}. Svarsalternativen är {Codes(question)}."));
            }
        }
    }

    private static string Codes(SurveyQuestion question) => string.Join(", ", question.Options.Select(o => o.Code));
}
