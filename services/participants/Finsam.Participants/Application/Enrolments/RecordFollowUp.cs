using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Ids;
using Finsam.Platform.Time;
using Finsam.Platform.Validation;

namespace Finsam.Participants.Application.Enrolments;

public sealed record RecordFollowUpCommand(string? EnrolmentId, string? Etag, DateOnly? ContactOn, string? Note);

/// <summary>Uppföljning: contacts after the end, up to 12 months after it and nothing after that.</summary>
public sealed class RecordFollowUpHandler(EnrolmentAccess access, IEnrolmentRepository repository, TimeProvider clock)
{
    public const string ReasonNotEnded = "ENROLMENT_NOT_ENDED";

    public async Task<Enrolment> HandleAsync(AccessContext context, RecordFollowUpCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var etag = Etags.Parse(command.Etag, violations);
        var contactOn = EnrolmentFields.RequiredDate(command.ContactOn, "contact_on", "Datum för kontakten", violations);
        var note = FreeText.Validate(command.Note, "note", "Anteckning", FollowUp.MaxNoteLength, required: false, multiline: true, violations);
        EnrolmentFields.ThrowIfAny(violations);

        var enrolment = await access.LoadForChangeAsync(context, command.EnrolmentId, etag!.Value, cancellationToken);
        if (enrolment.Ending is not { } ending)
        {
            throw new PreconditionFailedException(ReasonNotEnded, "Uppföljning registreras först när inskrivningen är avslutad.");
        }

        ValidateContactOn(ending, contactOn!.Value, SwedishCalendar.Today(clock), violations);
        EnrolmentFields.ThrowIfAny(violations);

        var now = clock.GetUtcNow().UtcDateTime;
        var followUp = new FollowUp(SequentialIds.Next(), contactOn.Value, note!, context.Actor, now);
        enrolment.FollowUps.Add(followUp);
        await repository.SaveAsync(enrolment, [new FollowUpRecorded(enrolment.Id, enrolment.InsatsId, followUp.ContactOn, now, followUp.Id)], cancellationToken);
        return enrolment;
    }

    /// <summary>After the end, at most 12 months after it, and not in the future (also for a corrected date).</summary>
    public static void ValidateContactOn(EnrolmentEnding ending, DateOnly contactOn, DateOnly today, List<FieldViolation> violations)
    {
        var lastDay = ending.EndDate.AddMonths(FollowUp.WindowMonths);
        if (contactOn <= ending.EndDate || contactOn > lastDay)
        {
            violations.Add(new FieldViolation(
                "contact_on",
                $"Uppföljning kan registreras efter avslutet och högst 12 månader efter det: {IsoDates.ToIso(ending.EndDate.AddDays(1))} – {IsoDates.ToIso(lastDay)}."));
        }
        else if (contactOn > today)
        {
            violations.Add(new FieldViolation("contact_on", "Datum för kontakten kan inte ligga i framtiden."));
        }
    }
}
