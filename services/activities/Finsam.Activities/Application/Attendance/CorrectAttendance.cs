using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Bookings;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Application.Validation;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Validation;

namespace Finsam.Activities.Application.Attendance;

public sealed record CorrectAttendanceCommand(
    string? GroupId, string? TraffId, string? ParticipantId, AttendanceStatus? Status, double Hours, string? Reason, string? Etag);

/// <summary>
/// Corrects one recorded attendance. The earlier status and hours are kept with who corrected, when and why. A person
/// correcting what they saw sends its etag (the group's version): if the group changed since, the correction is
/// ABORTED rather than applied to something they never saw.
/// </summary>
public sealed class CorrectAttendanceHandler(GroupUpdates updates, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    public async Task<TraffAttendanceView> HandleAsync(Caller caller, CorrectAttendanceCommand command, CancellationToken cancellationToken)
    {
        // Read once to check who is asking and to report every bad field together (the etag's among them) before
        // the version-checked change, which checks it all again on the state it saves.
        var current = await updates.GetAsync(command.GroupId, cancellationToken);
        ActivitiesAccess.RequireLeaderOf(caller, current);
        var etag = Validate(command, current).Etag;

        Traff? corrected = null;
        var group = await updates.ChangeAsync(
            command.GroupId,
            etag,
            group =>
            {
                ActivitiesAccess.RequireLeaderOf(caller, group);
                var valid = Validate(command, group);
                var now = clock.GetUtcNow().UtcDateTime;
                var record = valid.Record;
                record.Corrections.Add(new AttendanceCorrection(record.Status, record.Hours, caller.Subject, now, valid.Reason));
                record.Status = valid.Status;
                record.Hours = valid.Hours;
                corrected = valid.Traff;
                return [new AttendanceCorrected(group.Id, group.InsatsId, valid.Traff.Id, record.ParticipantId, AttendanceStatusCodes.Code(valid.Status), valid.Hours, now)];
            },
            cancellationToken);
        return new TraffAttendanceView(group, corrected!);
    }

    private sealed record ValidCorrection(long Etag, Traff Traff, AttendanceRecord Record, AttendanceStatus Status, double Hours, string Reason);

    private static ValidCorrection Validate(CorrectAttendanceCommand command, Group group)
    {
        AttendanceRefusals.EnsureStarted(group);

        var violations = new List<FieldViolation>();
        var etag = Etags.Parse(command.Etag, violations);
        var traff = InputIds.Id(command.TraffId, "traff_id", "Träff-id", violations) is { } traffId ? group.FindTraff(traffId) : null;
        if (traff is null && !violations.Any(v => v.Field == "traff_id"))
        {
            violations.Add(new FieldViolation("traff_id", "Träffen finns inte i gruppen."));
        }

        var participantId = InputIds.ParticipantId(command.ParticipantId, "participant_id", violations);
        var record = participantId is not null ? traff?.RecordOf(participantId) : null;
        if (traff is not null && participantId is not null && record is null)
        {
            violations.Add(new FieldViolation("participant_id", $"Ingen närvaro är registrerad för deltagaren på träff {traff.Number}: registrera den i stället."));
        }

        var status = AttendanceFields.Status(command.Status, "status", violations);
        var hours = AttendanceFields.Hours(status, command.Hours, traff, "hours", violations);
        var reason = FreeText.Validate(command.Reason, "reason", "Skäl till rättelsen", MaxReasonLength, required: true, multiline: true, violations);
        if (record is not null && status == record.Status && hours == record.Hours)
        {
            violations.Add(new FieldViolation("status", "Rättelsen ändrar ingenting: status och timmar är desamma som förut."));
        }

        ValidationFailedException.ThrowIfAny(violations);
        return new ValidCorrection(etag!.Value, traff!, record!, status!.Value, hours!.Value, reason!);
    }
}
