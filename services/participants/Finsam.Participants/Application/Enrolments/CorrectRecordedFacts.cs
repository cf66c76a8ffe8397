using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Time;
using Finsam.Platform.Validation;

namespace Finsam.Participants.Application.Enrolments;

// In every correction, an empty or null field keeps its current value; the reason is required.

public sealed record CorrectKartlaggningCommand(
    string? EnrolmentId, string? KartlaggningId, string? Etag, DateOnly? Date, IReadOnlyList<string> Areas, string? Reason);

public sealed record CorrectPlanCommand(
    string? EnrolmentId,
    string? PlanId,
    string? Etag,
    DateOnly? RecordedOn,
    string? GoalKind,
    string? Huvudmal,
    IReadOnlyList<string> Delmal,
    IReadOnlyList<string> Strategies,
    DateOnly? ReviewDate,
    string? Reason);

public sealed record CorrectAssessmentCommand(
    string? EnrolmentId,
    string? AssessmentId,
    string? Etag,
    string? Instrument,
    string? InstrumentVersion,
    string? Scale,
    DateOnly? AssessedOn,
    string? Result,
    string? Reason);

/// <param name="Scores">The areas given replace those areas' scores; areas not given keep theirs.</param>
public sealed record CorrectSelfAssessmentCommand(
    string? EnrolmentId, string? AssessmentId, string? Etag, string? Phase, DateOnly? AssessedOn, IReadOnlyDictionary<string, int> Scores, string? Reason);

public sealed record CorrectFollowUpCommand(string? EnrolmentId, string? FollowUpId, string? Etag, DateOnly? ContactOn, string? Note, string? Reason);

/// <summary>
/// Corrections of what a stay recorded: kartläggning, plans, staff assessments, self-assessments and follow-ups.
/// The record keeps its id and is changed in place; each changed field's earlier value, who, when and why go
/// into the stay's history. Same rules as recording (access, dates within the stay, scores on the scale), one
/// write per call. Where reporting uses the record's facts, a Corrected event carries them as they now stand;
/// a change of free text alone (huvudmål, result, note …) publishes nothing, since no event carries it.
/// </summary>
public sealed class CorrectRecordedFactsHandlers(EnrolmentAccess access, IEnrolmentRepository repository, TimeProvider clock)
{
    public async Task<Enrolment> CorrectKartlaggningAsync(AccessContext context, CorrectKartlaggningCommand command, CancellationToken cancellationToken)
    {
        var kind = RecordKind.Kartlaggning;
        var violations = new List<FieldViolation>();
        var target = RecordedFacts.ValidateTarget(command.Etag, command.Reason, command.KartlaggningId, kind, violations);
        var areas = command.Areas.Count == 0
            ? null
            : EnrolmentFields.Texts(command.Areas, "areas", "Kartlagda områden", 1, RecordKartlaggningHandler.MaxAreas, EnrolmentFields.MaxShortText, violations);
        EnrolmentFields.ThrowIfAny(violations);

        var enrolment = await RecordedFacts.LoadForChangeAsync(access, context, command.EnrolmentId, target.Etag!.Value, cancellationToken);
        var index = RecordedFacts.IndexOf(enrolment.Kartlaggningar, target.RecordId!, k => k.Id, kind);
        var old = enrolment.Kartlaggningar[index];
        RecordedFacts.EnsureNotRetracted(old.Retracted, kind);
        if (command.Date is { } date)
        {
            EnrolmentFields.WithinStay(enrolment, date, SwedishCalendar.Today(clock), "date", "Datum för kartläggningen", violations);
        }

        EnrolmentFields.ThrowIfAny(violations);

        var corrected = old with { Date = command.Date ?? old.Date, Areas = areas ?? old.Areas };
        var history = History(enrolment, context, target);
        history.Compare(kind.Field(old.Id, "date"), RecordedFacts.Text(old.Date), RecordedFacts.Text(corrected.Date));
        history.Compare(kind.Field(old.Id, "areas"), RecordedFacts.Text(old.Areas), RecordedFacts.Text(corrected.Areas));
        if (!history.Changed)
        {
            return enrolment;
        }

        enrolment.Kartlaggningar[index] = corrected;
        // Nothing downstream is told of a kartläggning, so nothing is told of its correction.
        await repository.SaveAsync(enrolment, [], cancellationToken);
        return enrolment;
    }

    public async Task<Enrolment> CorrectPlanAsync(AccessContext context, CorrectPlanCommand command, CancellationToken cancellationToken)
    {
        var kind = RecordKind.Plan;
        var violations = new List<FieldViolation>();
        var target = RecordedFacts.ValidateTarget(command.Etag, command.Reason, command.PlanId, kind, violations);
        var goalKind = command.GoalKind?.Trim() ?? "";
        if (goalKind.Length > 0 && !Plan.GoalKinds.Contains(goalKind))
        {
            violations.Add(new FieldViolation("goal_kind", "Huvudmålets inriktning är okänd: välj work (arbete) eller studies (studier)."));
        }

        var huvudmal = FreeText.Validate(command.Huvudmal, "huvudmal", "Huvudmål", EnrolmentFields.MaxLongText, required: false, multiline: true, violations);
        var delmal = command.Delmal.Count == 0
            ? null
            : EnrolmentFields.Texts(command.Delmal, "delmal", "Delmål", 1, EnrolmentFields.MaxListItems, EnrolmentFields.MaxLongText, violations);
        var strategies = command.Strategies.Count == 0
            ? null
            : EnrolmentFields.Texts(command.Strategies, "strategies", "Strategier", 1, EnrolmentFields.MaxListItems, EnrolmentFields.MaxLongText, violations);
        EnrolmentFields.ThrowIfAny(violations);

        var enrolment = await RecordedFacts.LoadForChangeAsync(access, context, command.EnrolmentId, target.Etag!.Value, cancellationToken);
        var index = RecordedFacts.IndexOf(enrolment.Plans, target.RecordId!, p => p.Id, kind);
        var old = enrolment.Plans[index];
        RecordedFacts.EnsureNotRetracted(old.Retracted, kind);
        var corrected = old with
        {
            RecordedOn = command.RecordedOn ?? old.RecordedOn,
            GoalKind = goalKind.Length > 0 ? goalKind : old.GoalKind,
            Huvudmal = string.IsNullOrEmpty(huvudmal) ? old.Huvudmal : huvudmal,
            Delmal = delmal ?? old.Delmal,
            Strategies = strategies ?? old.Strategies,
            ReviewDate = command.ReviewDate ?? old.ReviewDate,
        };
        if (command.RecordedOn is { } recordedOn)
        {
            EnrolmentFields.WithinStay(enrolment, recordedOn, SwedishCalendar.Today(clock), "recorded_on", "Datum för planen", violations);
        }

        if (violations.Count == 0 && corrected.ReviewDate < corrected.RecordedOn)
        {
            // Name the field the caller sent: the one that now contradicts the other.
            violations.Add(command.ReviewDate is not null
                ? new FieldViolation("review_date", "Datum för uppföljning av planen kan inte ligga före planens datum.")
                : new FieldViolation("recorded_on", $"Planens datum kan inte ligga efter datum för uppföljning av planen ({RecordedFacts.Text(corrected.ReviewDate)})."));
        }

        EnrolmentFields.ThrowIfAny(violations);

        var now = clock.GetUtcNow().UtcDateTime;
        var history = History(enrolment, context, target, now);
        history.Compare(kind.Field(old.Id, "recorded_on"), RecordedFacts.Text(old.RecordedOn), RecordedFacts.Text(corrected.RecordedOn));
        history.Compare(kind.Field(old.Id, "goal_kind"), old.GoalKind, corrected.GoalKind);
        history.Compare(kind.Field(old.Id, "huvudmal"), old.Huvudmal, corrected.Huvudmal);
        history.Compare(kind.Field(old.Id, "delmal"), RecordedFacts.Text(old.Delmal), RecordedFacts.Text(corrected.Delmal));
        history.Compare(kind.Field(old.Id, "strategies"), RecordedFacts.Text(old.Strategies), RecordedFacts.Text(corrected.Strategies));
        history.Compare(kind.Field(old.Id, "review_date"), RecordedFacts.Text(old.ReviewDate), RecordedFacts.Text(corrected.ReviewDate));
        if (!history.Changed)
        {
            return enrolment;
        }

        enrolment.Plans[index] = corrected;
        // PlanRecorded's facts: a change of the plan's texts alone tells reporting nothing new.
        var reported = new List<string>();
        if (corrected.RecordedOn != old.RecordedOn || corrected.GoalKind != old.GoalKind || corrected.ReviewDate != old.ReviewDate)
        {
            reported.Add(corrected.Id);
        }

        if (corrected.RecordedOn != old.RecordedOn)
        {
            reported.AddRange(PlanDeadlines.Recompute(enrolment, history.Compare).Select(p => p.Id));
        }

        await repository.SaveAsync(
            enrolment,
            enrolment.Plans.Where(p => reported.Contains(p.Id)).Select(p => (IIntegrationEvent)PlanDeadlines.Corrected(enrolment, p, now)).ToList(),
            cancellationToken);
        return enrolment;
    }

    public async Task<Enrolment> CorrectAssessmentAsync(AccessContext context, CorrectAssessmentCommand command, CancellationToken cancellationToken)
    {
        var kind = RecordKind.Assessment;
        var violations = new List<FieldViolation>();
        var target = RecordedFacts.ValidateTarget(command.Etag, command.Reason, command.AssessmentId, kind, violations);
        var instrument = RecordAssessmentHandlers.InstrumentToken(command.Instrument, "instrument", "Instrumentets namn", required: false, violations);
        var version = RecordAssessmentHandlers.InstrumentToken(command.InstrumentVersion, "instrument_version", "Instrumentets version", required: false, violations);
        var scale = FreeText.Validate(command.Scale, "scale", "Skala", RecordAssessmentHandlers.MaxInstrumentLength, required: false, multiline: false, violations);
        var result = FreeText.Validate(command.Result, "result", "Resultat", EnrolmentFields.MaxLongText, required: false, multiline: true, violations);
        EnrolmentFields.ThrowIfAny(violations);

        var enrolment = await RecordedFacts.LoadForChangeAsync(access, context, command.EnrolmentId, target.Etag!.Value, cancellationToken);
        var index = RecordedFacts.IndexOf(enrolment.Assessments, target.RecordId!, a => a.Id, kind);
        var old = enrolment.Assessments[index];
        RecordedFacts.EnsureNotRetracted(old.Retracted, kind);
        if (command.AssessedOn is { } assessedOn)
        {
            EnrolmentFields.WithinStay(enrolment, assessedOn, SwedishCalendar.Today(clock), "assessed_on", "Datum för bedömningen", violations);
        }

        EnrolmentFields.ThrowIfAny(violations);

        var corrected = old with
        {
            Instrument = KeepIfEmpty(instrument, old.Instrument),
            InstrumentVersion = KeepIfEmpty(version, old.InstrumentVersion),
            Scale = KeepIfEmpty(scale, old.Scale),
            AssessedOn = command.AssessedOn ?? old.AssessedOn,
            Result = KeepIfEmpty(result, old.Result),
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var history = History(enrolment, context, target, now);
        history.Compare(kind.Field(old.Id, "instrument"), old.Instrument, corrected.Instrument);
        history.Compare(kind.Field(old.Id, "instrument_version"), old.InstrumentVersion, corrected.InstrumentVersion);
        history.Compare(kind.Field(old.Id, "scale"), old.Scale, corrected.Scale);
        history.Compare(kind.Field(old.Id, "assessed_on"), RecordedFacts.Text(old.AssessedOn), RecordedFacts.Text(corrected.AssessedOn));
        history.Compare(kind.Field(old.Id, "result"), old.Result, corrected.Result);
        if (!history.Changed)
        {
            return enrolment;
        }

        enrolment.Assessments[index] = corrected;
        var reported = corrected.Instrument != old.Instrument || corrected.InstrumentVersion != old.InstrumentVersion || corrected.AssessedOn != old.AssessedOn;
        await repository.SaveAsync(
            enrolment,
            reported
                ? [new AssessmentCorrected(
                    enrolment.Id, enrolment.InsatsId, corrected.Id, RecordAssessmentHandlers.KindStaff, corrected.Instrument, corrected.InstrumentVersion,
                    RecordAssessmentHandlers.PhaseOther, corrected.AssessedOn, new Dictionary<string, int>(), now)]
                : [],
            cancellationToken);
        return enrolment;
    }

    public async Task<Enrolment> CorrectSelfAssessmentAsync(AccessContext context, CorrectSelfAssessmentCommand command, CancellationToken cancellationToken)
    {
        var kind = RecordKind.SelfAssessment;
        var violations = new List<FieldViolation>();
        var target = RecordedFacts.ValidateTarget(command.Etag, command.Reason, command.AssessmentId, kind, violations);
        var phase = command.Phase?.Trim() ?? "";
        if (phase.Length > 0 && phase is not (SelfAssessment.PhaseStart or SelfAssessment.PhaseEnd))
        {
            violations.Add(new FieldViolation("phase", "Fasen är okänd: välj start eller end."));
        }

        EnrolmentFields.ThrowIfAny(violations);

        var enrolment = await RecordedFacts.LoadForChangeAsync(access, context, command.EnrolmentId, target.Etag!.Value, cancellationToken);
        var index = RecordedFacts.IndexOf(enrolment.SelfAssessments, target.RecordId!, s => s.Id, kind);
        var old = enrolment.SelfAssessments[index];
        RecordedFacts.EnsureNotRetracted(old.Retracted, kind);
        if (command.AssessedOn is { } assessedOn)
        {
            EnrolmentFields.WithinStay(enrolment, assessedOn, SwedishCalendar.Today(clock), "assessed_on", "Datum för självskattningen", violations);
        }

        // The scale is the record's own instrument's, so scores are checked once the record is found.
        var instrument = SelfAssessmentInstruments.All[old.Instrument];
        var scores = command.Scores.Count == 0 ? null : RecordAssessmentHandlers.ValidateScores(instrument, command.Scores, violations);
        EnrolmentFields.ThrowIfAny(violations);

        var merged = new Dictionary<string, int>(old.Scores, StringComparer.Ordinal);
        foreach (var (area, score) in scores ?? [])
        {
            merged[area] = score;
        }

        var corrected = old with { Phase = phase.Length > 0 ? phase : old.Phase, AssessedOn = command.AssessedOn ?? old.AssessedOn, Scores = merged };
        var now = clock.GetUtcNow().UtcDateTime;
        var history = History(enrolment, context, target, now);
        history.Compare(kind.Field(old.Id, "phase"), old.Phase, corrected.Phase);
        history.Compare(kind.Field(old.Id, "assessed_on"), RecordedFacts.Text(old.AssessedOn), RecordedFacts.Text(corrected.AssessedOn));
        foreach (var area in instrument.Areas.Where(merged.ContainsKey))
        {
            history.Compare(kind.Field(old.Id, $"scores[{area}]"), old.Scores.TryGetValue(area, out var was) ? Number(was) : "", Number(merged[area]));
        }

        if (!history.Changed)
        {
            return enrolment;
        }

        enrolment.SelfAssessments[index] = corrected;
        await repository.SaveAsync(
            enrolment,
            [new AssessmentCorrected(
                enrolment.Id, enrolment.InsatsId, corrected.Id, RecordAssessmentHandlers.KindSelf, instrument.Name, instrument.Version, corrected.Phase,
                corrected.AssessedOn, corrected.Scores, now)],
            cancellationToken);
        return enrolment;
    }

    public async Task<Enrolment> CorrectFollowUpAsync(AccessContext context, CorrectFollowUpCommand command, CancellationToken cancellationToken)
    {
        var kind = RecordKind.FollowUp;
        var violations = new List<FieldViolation>();
        var target = RecordedFacts.ValidateTarget(command.Etag, command.Reason, command.FollowUpId, kind, violations);
        var note = FreeText.Validate(command.Note, "note", "Anteckning", FollowUp.MaxNoteLength, required: false, multiline: true, violations);
        EnrolmentFields.ThrowIfAny(violations);

        var enrolment = await RecordedFacts.LoadForChangeAsync(access, context, command.EnrolmentId, target.Etag!.Value, cancellationToken);
        var index = RecordedFacts.IndexOf(enrolment.FollowUps, target.RecordId!, f => f.Id, kind);
        var old = enrolment.FollowUps[index];
        RecordedFacts.EnsureNotRetracted(old.Retracted, kind);
        if (command.ContactOn is { } contactOn)
        {
            // Follow-ups exist only on ended stays, and an ended stay stays ended.
            RecordFollowUpHandler.ValidateContactOn(enrolment.Ending!, contactOn, SwedishCalendar.Today(clock), violations);
        }

        EnrolmentFields.ThrowIfAny(violations);

        var corrected = old with { ContactOn = command.ContactOn ?? old.ContactOn, Note = KeepIfEmpty(note, old.Note) };
        var now = clock.GetUtcNow().UtcDateTime;
        var history = History(enrolment, context, target, now);
        history.Compare(kind.Field(old.Id, "contact_on"), RecordedFacts.Text(old.ContactOn), RecordedFacts.Text(corrected.ContactOn));
        history.Compare(kind.Field(old.Id, "note"), old.Note, corrected.Note);
        if (!history.Changed)
        {
            return enrolment;
        }

        enrolment.FollowUps[index] = corrected;
        await repository.SaveAsync(
            enrolment,
            corrected.ContactOn != old.ContactOn ? [new FollowUpCorrected(enrolment.Id, enrolment.InsatsId, corrected.Id, corrected.ContactOn, now)] : [],
            cancellationToken);
        return enrolment;
    }

    private RecordHistory History(Enrolment enrolment, AccessContext context, RecordedFacts.Target target, DateTime? now = null) =>
        new(enrolment, context.Actor, now ?? clock.GetUtcNow().UtcDateTime, target.Reason!);

    private static string KeepIfEmpty(string? value, string current) => string.IsNullOrEmpty(value) ? current : value;

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
