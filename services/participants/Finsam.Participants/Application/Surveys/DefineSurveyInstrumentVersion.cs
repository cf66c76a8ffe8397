using Finsam.Participants.Application.Access;
using Finsam.Participants.Domain.Surveys;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Surveys;

public sealed record DefineSurveyInstrumentVersionCommand(string? InstrumentId, string? Name, IReadOnlyList<SurveyQuestion> Questions);

/// <summary>
/// Stores a definition as the instrument's next version (1 for a new instrument). Versions are immutable, so
/// answers to the earlier wording keep meaning what they meant. A definition identical to the latest version
/// returns that version instead: a retried call doesn't leave a duplicate version behind.
/// </summary>
public sealed class DefineSurveyInstrumentVersionHandler(ISurveyInstruments instruments, TimeProvider clock)
{
    public const string ReasonConflict = "SURVEY_INSTRUMENT_CHANGED";

    public async Task<SurveyInstrument> HandleAsync(AccessContext context, DefineSurveyInstrumentVersionCommand command, CancellationToken cancellationToken)
    {
        SurveyAccess.EnsureMayDefine(context.Caller);
        var violations = new List<FieldViolation>();
        var instrumentId = SurveyInstrumentRules.ValidateInstrumentId(command.InstrumentId, violations);
        var (name, questions) = SurveyInstrumentRules.Validate(command.Name, command.Questions, violations);
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        var latest = await instruments.GetAsync(instrumentId!, null, cancellationToken);
        if (latest is not null && latest.HasSameContentAs(name!, questions))
        {
            return latest;
        }

        var instrument = new SurveyInstrument(
            instrumentId!, (latest?.Version ?? 0) + 1, name!, questions, clock.GetUtcNow().UtcDateTime, context.Actor);
        try
        {
            await instruments.AddAsync(instrument, cancellationToken);
        }
        catch (SurveyInstrumentVersionTakenException)
        {
            throw new ConcurrencyConflictException(
                ReasonConflict, $"Någon annan lade just till en version av {instrumentId}. Läs den senaste versionen och försök igen.");
        }

        return instrument;
    }
}
