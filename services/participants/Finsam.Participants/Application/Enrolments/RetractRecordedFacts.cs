using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Enrolments;

/// <param name="RecordId">The kartläggning's, plan's, assessment's, self-assessment's or follow-up's id.</param>
public sealed record RetractRecordCommand(string? EnrolmentId, string? RecordId, string? Etag, string? Reason);

/// <summary>
/// Retracting a record made by mistake (on the wrong person, twice, …). Nothing is deleted: the record stays,
/// shown as retracted, and no longer counts — not for the plan deadline, the self-assessment change, nor the
/// follow-up bounds. The history keeps who retracted it, when and why; where reporting was told of the record,
/// a Retracted event tells it the record no longer counts.
/// </summary>
public sealed class RetractRecordedFactHandler(EnrolmentAccess access, IEnrolmentRepository repository, TimeProvider clock)
{
    public Task<Enrolment> RetractKartlaggningAsync(AccessContext context, RetractRecordCommand command, CancellationToken cancellationToken) =>
        RetractAsync(context, command, RecordKind.Kartlaggning, cancellationToken);

    public Task<Enrolment> RetractPlanAsync(AccessContext context, RetractRecordCommand command, CancellationToken cancellationToken) =>
        RetractAsync(context, command, RecordKind.Plan, cancellationToken);

    public Task<Enrolment> RetractAssessmentAsync(AccessContext context, RetractRecordCommand command, CancellationToken cancellationToken) =>
        RetractAsync(context, command, RecordKind.Assessment, cancellationToken);

    public Task<Enrolment> RetractSelfAssessmentAsync(AccessContext context, RetractRecordCommand command, CancellationToken cancellationToken) =>
        RetractAsync(context, command, RecordKind.SelfAssessment, cancellationToken);

    public Task<Enrolment> RetractFollowUpAsync(AccessContext context, RetractRecordCommand command, CancellationToken cancellationToken) =>
        RetractAsync(context, command, RecordKind.FollowUp, cancellationToken);

    private async Task<Enrolment> RetractAsync(AccessContext context, RetractRecordCommand command, RecordKind kind, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var target = RecordedFacts.ValidateTarget(command.Etag, command.Reason, command.RecordId, kind, violations);
        EnrolmentFields.ThrowIfAny(violations);

        var enrolment = await RecordedFacts.LoadForChangeAsync(access, context, command.EnrolmentId, target.Etag!.Value, cancellationToken);
        var id = target.RecordId!;
        MarkRetracted(enrolment, kind, id);
        var now = clock.GetUtcNow().UtcDateTime;
        var history = new RecordHistory(enrolment, context.Actor, now, target.Reason!);
        history.Compare(kind.Field(id, RecordedFacts.PropertyRetracted), "false", "true");
        var events = new List<IIntegrationEvent>();
        if (kind == RecordKind.Plan)
        {
            events.Add(new PlanRetracted(enrolment.Id, enrolment.InsatsId, id, now));
            // The stay's first plan that counts may now be another one, on another day.
            events.AddRange(PlanDeadlines.Recompute(enrolment, history.Compare).Select(p => PlanDeadlines.Corrected(enrolment, p, now)));
        }
        else if (kind == RecordKind.Assessment || kind == RecordKind.SelfAssessment)
        {
            var assessmentKind = kind == RecordKind.Assessment ? RecordAssessmentHandlers.KindStaff : RecordAssessmentHandlers.KindSelf;
            events.Add(new AssessmentRetracted(enrolment.Id, enrolment.InsatsId, id, assessmentKind, now));
        }
        else if (kind == RecordKind.FollowUp)
        {
            events.Add(new FollowUpRetracted(enrolment.Id, enrolment.InsatsId, id, now));
        }

        // A kartläggning has no event: nothing downstream was told of it.
        await repository.SaveAsync(enrolment, events, cancellationToken);
        return enrolment;
    }

    /// <summary>NOT_FOUND for an unknown id, FAILED_PRECONDITION when already retracted.</summary>
    private static void MarkRetracted(Enrolment enrolment, RecordKind kind, string id)
    {
        if (kind == RecordKind.Kartlaggning)
        {
            Retract(enrolment.Kartlaggningar, id, k => k.Id, k => k.Retracted, k => k with { Retracted = true }, kind);
        }
        else if (kind == RecordKind.Plan)
        {
            Retract(enrolment.Plans, id, p => p.Id, p => p.Retracted, p => p with { Retracted = true }, kind);
        }
        else if (kind == RecordKind.Assessment)
        {
            Retract(enrolment.Assessments, id, a => a.Id, a => a.Retracted, a => a with { Retracted = true }, kind);
        }
        else if (kind == RecordKind.SelfAssessment)
        {
            Retract(enrolment.SelfAssessments, id, a => a.Id, a => a.Retracted, a => a with { Retracted = true }, kind);
        }
        else
        {
            Retract(enrolment.FollowUps, id, f => f.Id, f => f.Retracted, f => f with { Retracted = true }, kind);
        }
    }

    private static void Retract<T>(List<T> records, string id, Func<T, string> idOf, Func<T, bool> isRetracted, Func<T, T> retracted, RecordKind kind)
    {
        var index = RecordedFacts.IndexOf(records, id, idOf, kind);
        RecordedFacts.EnsureNotRetracted(isRetracted(records[index]), kind);
        records[index] = retracted(records[index]);
    }
}
