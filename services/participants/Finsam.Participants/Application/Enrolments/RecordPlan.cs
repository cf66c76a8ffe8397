using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Ids;
using Finsam.Platform.Time;
using Finsam.Platform.Validation;

namespace Finsam.Participants.Application.Enrolments;

public sealed record RecordPlanCommand(
    string? EnrolmentId,
    string? Etag,
    DateOnly? RecordedOn,
    string? GoalKind,
    string? Huvudmal,
    IReadOnlyList<string> Delmal,
    IReadOnlyList<string> Strategies,
    DateOnly? ReviewDate);

/// <summary>
/// A plan with huvudmål (work or studies), delmål, strategies and a review date. A later plan is a revision;
/// earlier ones are kept. Whether the stay had its plan within the insats' deadline goes into PlanRecorded.
/// </summary>
public sealed class RecordPlanHandler(EnrolmentAccess access, IEnrolmentRepository repository, TimeProvider clock)
{
    public async Task<Enrolment> HandleAsync(AccessContext context, RecordPlanCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var etag = Etags.Parse(command.Etag, violations);
        var recordedOn = EnrolmentFields.RequiredDate(command.RecordedOn, "recorded_on", "Datum för planen", violations);
        var goalKind = command.GoalKind?.Trim() ?? "";
        if (!Plan.GoalKinds.Contains(goalKind))
        {
            violations.Add(new FieldViolation("goal_kind", "Huvudmålets inriktning saknas eller är okänd: välj work (arbete) eller studies (studier)."));
        }

        var huvudmal = FreeText.Validate(command.Huvudmal, "huvudmal", "Huvudmål", EnrolmentFields.MaxLongText, required: true, multiline: true, violations);
        var delmal = EnrolmentFields.Texts(command.Delmal, "delmal", "Delmål", 0, EnrolmentFields.MaxListItems, EnrolmentFields.MaxLongText, violations);
        var strategies = EnrolmentFields.Texts(
            command.Strategies, "strategies", "Strategier", 0, EnrolmentFields.MaxListItems, EnrolmentFields.MaxLongText, violations);
        if (command.ReviewDate < recordedOn)
        {
            violations.Add(new FieldViolation("review_date", "Datum för uppföljning av planen kan inte ligga före planens datum."));
        }

        EnrolmentFields.ThrowIfAny(violations);

        var enrolment = await access.LoadForChangeAsync(context, command.EnrolmentId, etag!.Value, cancellationToken);
        var today = SwedishCalendar.Today(clock);
        EnrolmentFields.WithinStay(enrolment, recordedOn!.Value, today, "recorded_on", "Datum för planen", violations);
        EnrolmentFields.ThrowIfAny(violations);

        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new Plan(
            SequentialIds.Next(),
            recordedOn.Value,
            goalKind,
            huvudmal!,
            delmal!,
            strategies!,
            command.ReviewDate,
            enrolment.PlanWithinDeadline(recordedOn.Value),
            context.Actor,
            now);
        enrolment.Plans.Add(plan);
        await repository.SaveAsync(
            enrolment,
            [new PlanRecorded(enrolment.Id, enrolment.InsatsId, plan.Id, plan.RecordedOn, plan.GoalKind, plan.ReviewDate, plan.WithinDeadline, now)],
            cancellationToken);
        return enrolment;
    }
}

/// <summary>An active stay without a plan past its deadline.</summary>
public sealed record OverduePlan(Enrolment Enrolment, DateOnly DueOn, int DaysOverdue);

/// <summary>
/// Active stays of an insats with no plan although the deadline has passed, oldest due first. For the
/// insats' staff; each identified person listed is logged as read.
/// </summary>
public sealed class ListOverduePlansHandler(IEnrolmentRepository repository, IAccessLog log, TimeProvider clock)
{
    public async Task<IReadOnlyList<OverduePlan>> HandleAsync(AccessContext context, string? insatsId, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var id = Ids.Validate(insatsId, "insats_id", "Insats-id", required: true, violations);
        EnrolmentFields.ThrowIfAny(violations);
        ParticipantAccess.EnsureMayWorkIn(context.Caller, id!);

        var today = SwedishCalendar.Today(clock);
        var overdue = (await repository.ListActiveInInsatsAsync(id!, cancellationToken))
            .Where(e => e.IsPlanOverdue(today))
            .Select(e => new OverduePlan(e, e.PlanDueOn!.Value, today.DayNumber - e.PlanDueOn!.Value.DayNumber))
            .OrderBy(o => o.DueOn)
            .ThenBy(o => o.Enrolment.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var participantId in overdue.Select(o => o.Enrolment.ParticipantId).OfType<string>())
        {
            await log.RecordAsync(context, AccessActions.ReadEnrolment, participantId, AccessOutcome.Allowed, cancellationToken);
        }

        return overdue;
    }
}
