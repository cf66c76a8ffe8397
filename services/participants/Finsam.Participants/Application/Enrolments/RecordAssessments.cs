using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Ids;
using Finsam.Platform.Time;
using Finsam.Platform.Validation;

namespace Finsam.Participants.Application.Enrolments;

public sealed record RecordAssessmentCommand(
    string? EnrolmentId, string? Etag, string? Instrument, string? InstrumentVersion, string? Scale, DateOnly? AssessedOn, string? Result);

public sealed record RecordSelfAssessmentCommand(
    string? EnrolmentId, string? Etag, string? Instrument, string? Phase, DateOnly? AssessedOn, IReadOnlyDictionary<string, int> Scores);

/// <summary>
/// Assessments during a stay. Staff instruments are an open list (name, version, scale, result as data);
/// self-assessments are scored per area against a known instrument, at the start and at the end.
/// </summary>
public sealed class RecordAssessmentHandlers(EnrolmentAccess access, IEnrolmentRepository repository, TimeProvider clock)
{
    public const int MaxInstrumentLength = 50;
    public const int MaxInstrumentTokenLength = 30;
    public const string KindStaff = "staff";
    public const string KindSelf = "self";
    public const string PhaseOther = "other";

    public async Task<Enrolment> RecordStaffAsync(AccessContext context, RecordAssessmentCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var etag = Etags.Parse(command.Etag, violations);
        var instrument = InstrumentToken(command.Instrument, "instrument", "Instrumentets namn", required: true, violations);
        var version = InstrumentToken(command.InstrumentVersion, "instrument_version", "Instrumentets version", required: false, violations);
        var scale = FreeText.Validate(command.Scale, "scale", "Skala", MaxInstrumentLength, required: false, multiline: false, violations);
        var assessedOn = EnrolmentFields.RequiredDate(command.AssessedOn, "assessed_on", "Datum för bedömningen", violations);
        var result = FreeText.Validate(command.Result, "result", "Resultat", EnrolmentFields.MaxLongText, required: true, multiline: true, violations);
        EnrolmentFields.ThrowIfAny(violations);

        var enrolment = await access.LoadForChangeAsync(context, command.EnrolmentId, etag!.Value, cancellationToken);
        EnrolmentFields.WithinStay(enrolment, assessedOn!.Value, SwedishCalendar.Today(clock), "assessed_on", "Datum för bedömningen", violations);
        EnrolmentFields.ThrowIfAny(violations);

        var now = clock.GetUtcNow().UtcDateTime;
        var assessment = new StaffAssessment(SequentialIds.Next(), instrument!, version!, scale!, assessedOn.Value, result!, context.Actor, now);
        enrolment.Assessments.Add(assessment);
        await repository.SaveAsync(
            enrolment,
            [new AssessmentRecorded(
                enrolment.Id, enrolment.InsatsId, assessment.Id, KindStaff, assessment.Instrument, assessment.InstrumentVersion, PhaseOther,
                assessment.AssessedOn, new Dictionary<string, int>(), now)],
            cancellationToken);
        return enrolment;
    }

    public async Task<Enrolment> RecordSelfAsync(AccessContext context, RecordSelfAssessmentCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var etag = Etags.Parse(command.Etag, violations);
        var instrumentName = command.Instrument?.Trim() ?? "";
        if (!SelfAssessmentInstruments.All.TryGetValue(instrumentName, out var instrument))
        {
            violations.Add(new FieldViolation("instrument", $"Okänt självskattningsinstrument: välj bland {string.Join(", ", SelfAssessmentInstruments.All.Keys)}."));
        }

        var phase = command.Phase?.Trim() ?? "";
        if (phase is not (SelfAssessment.PhaseStart or SelfAssessment.PhaseEnd))
        {
            violations.Add(new FieldViolation("phase", "Fas saknas eller är okänd: välj start eller end."));
        }

        var assessedOn = EnrolmentFields.RequiredDate(command.AssessedOn, "assessed_on", "Datum för självskattningen", violations);
        var scores = instrument is null ? null : ValidateScores(instrument, command.Scores, violations);
        EnrolmentFields.ThrowIfAny(violations);

        var enrolment = await access.LoadForChangeAsync(context, command.EnrolmentId, etag!.Value, cancellationToken);
        EnrolmentFields.WithinStay(enrolment, assessedOn!.Value, SwedishCalendar.Today(clock), "assessed_on", "Datum för självskattningen", violations);
        EnrolmentFields.ThrowIfAny(violations);

        var now = clock.GetUtcNow().UtcDateTime;
        var assessment = new SelfAssessment(SequentialIds.Next(), instrument!.Name, phase, assessedOn.Value, scores!, context.Actor, now);
        enrolment.SelfAssessments.Add(assessment);
        await repository.SaveAsync(
            enrolment,
            [new AssessmentRecorded(
                enrolment.Id, enrolment.InsatsId, assessment.Id, KindSelf, instrument.Name, instrument.Version, phase,
                assessment.AssessedOn, assessment.Scores, now)],
            cancellationToken);
        return enrolment;
    }

    /// <summary>At least one area; every area one of the instrument's, every score on its scale. Each bad one is named as scores[area].</summary>
    internal static Dictionary<string, int>? ValidateScores(SelfAssessmentInstrument instrument, IReadOnlyDictionary<string, int> scores, List<FieldViolation> violations)
    {
        if (scores.Count == 0)
        {
            violations.Add(new FieldViolation("scores", $"Ange poäng för minst ett område: {string.Join(", ", instrument.Areas)}."));
            return null;
        }

        var before = violations.Count;
        foreach (var (area, score) in scores.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var field = $"scores[{EchoedInput.Shorten(area)}]";
            if (!instrument.Areas.Contains(area))
            {
                violations.Add(new FieldViolation(field, $"Okänt område för {instrument.Name}: välj bland {string.Join(", ", instrument.Areas)}."));
            }
            else if (score < instrument.MinScore || score > instrument.MaxScore)
            {
                violations.Add(new FieldViolation(field, $"Poängen ska vara mellan {instrument.MinScore} och {instrument.MaxScore}."));
            }
        }

        return violations.Count == before ? new Dictionary<string, int>(scores, StringComparer.Ordinal) : null;
    }

    /// <summary>
    /// Instrument names and versions travel in events, so they are short name tokens ("WRI-S", "Oval-9", "2.1"),
    /// not free text that could describe the person.
    /// </summary>
    internal static string? InstrumentToken(string? value, string field, string label, bool required, List<FieldViolation> violations)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            if (required)
            {
                violations.Add(new FieldViolation(field, $"{label} saknas."));
                return null;
            }

            return "";
        }

        if (trimmed.Length > MaxInstrumentTokenLength || !char.IsLetterOrDigit(trimmed[0])
            || !trimmed.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '.' or '/' or '_'))
        {
            violations.Add(new FieldViolation(field, $"{label} ska vara ett kort namn (högst {MaxInstrumentTokenLength} tecken: bokstäver, siffror, mellanslag, - . / _)."));
            return null;
        }

        return trimmed;
    }
}
