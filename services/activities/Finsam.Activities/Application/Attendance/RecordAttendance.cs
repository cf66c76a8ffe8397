using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Bookings;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Application.Validation;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Time;

namespace Finsam.Activities.Application.Attendance;

public sealed record AttendanceEntryInput(string? ParticipantId, AttendanceStatus? Status, double Hours);

public sealed record RecordAttendanceCommand(string? GroupId, string? TraffId, IReadOnlyList<AttendanceEntryInput> Entries);

/// <summary>
/// Records attendance at one träff of a started group (<see cref="AttendanceRefusals.EnsureStarted"/>). Every entry
/// is checked before anything is stored, and all of them are stored in one write with their events. The first
/// recording at a träff marks it held (genomförd). Concurrent recordings (two leaders, different participants) are
/// re-applied on the latest group, so neither is lost.
/// </summary>
public sealed class RecordAttendanceHandler(GroupUpdates updates, TimeProvider clock)
{
    public const int MaxEntries = 200;
    public const string ReasonAlreadyRecorded = "ATTENDANCE_ALREADY_RECORDED";
    public const string ReasonGroupCompleted = "GROUP_COMPLETED";

    public async Task<TraffAttendanceView> HandleAsync(Caller caller, RecordAttendanceCommand command, CancellationToken cancellationToken)
    {
        var (group, traff) = await updates.ChangeLatestAsync(command.GroupId, group => Record(caller, command, group), cancellationToken);
        return new TraffAttendanceView(group, traff);
    }

    private (Traff, IReadOnlyList<IIntegrationEvent>) Record(Caller caller, RecordAttendanceCommand command, Group group)
    {
        ActivitiesAccess.RequireLeaderOf(caller, group);
        AttendanceRefusals.EnsureStarted(group);

        var violations = new List<FieldViolation>();
        var traff = UsableTraff(group, command.TraffId, SwedishCalendar.DayOf(clock.GetUtcNow().UtcDateTime), violations);

        if (command.Entries.Count == 0)
        {
            violations.Add(new FieldViolation("entries", "Ange närvaro för minst en deltagare."));
        }
        else if (command.Entries.Count > MaxEntries)
        {
            violations.Add(new FieldViolation("entries", $"Högst {MaxEntries} deltagare per begäran."));
        }

        var entries = new List<(string ParticipantId, AttendanceStatus Status, double Hours)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(command.Entries.Count, MaxEntries); i++)
        {
            var entry = command.Entries[i];
            var field = $"entries[{i}]";
            var participantId = InputIds.ParticipantId(entry.ParticipantId, $"{field}.participant_id", violations);
            if (participantId is not null && !seen.Add(participantId))
            {
                violations.Add(new FieldViolation($"{field}.participant_id", "Deltagaren står redan tidigare i samma begäran."));
            }
            else if (participantId is not null && traff is not null && group.BookingAt(traff, participantId) is null)
            {
                violations.Add(new FieldViolation($"{field}.participant_id", $"Deltagaren var inte bokad på träff {traff.Number}."));
            }

            var status = AttendanceFields.Status(entry.Status, $"{field}.status", violations);
            var hours = AttendanceFields.Hours(status, entry.Hours, traff, $"{field}.hours", violations);
            if (participantId is not null && status is not null && hours is not null)
            {
                entries.Add((participantId, status.Value, hours.Value));
            }
        }

        ValidationFailedException.ThrowIfAny(violations);

        var recorded = entries.Where(e => traff!.RecordOf(e.ParticipantId) is not null).Select(e => e.ParticipantId).ToList();
        if (recorded.Count > 0)
        {
            throw new PreconditionFailedException(
                ReasonAlreadyRecorded,
                $"Närvaro är redan registrerad på träff {traff!.Number} för {string.Join(", ", recorded)}. Rätta den i stället (correct).");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var events = new List<IIntegrationEvent>();
        if (traff!.Status == TraffStatus.Planned)
        {
            traff.Status = TraffStatus.Held;
            events.Add(new TraffHeld(group.Id, group.InsatsId, traff.Id, traff.Number, traff.Date, traff.LengthMinutes, now));
        }

        foreach (var (participantId, status, hours) in entries)
        {
            traff.Attendance.Add(new AttendanceRecord
            {
                ParticipantId = participantId,
                Status = status,
                Hours = hours,
                RecordedBy = caller.Subject,
                RecordedAt = now,
            });
            events.Add(new AttendanceRecorded(group.Id, group.InsatsId, traff.Id, participantId, AttendanceStatusCodes.Code(status), hours, now));
        }

        return (traff, events);
    }

    /// <summary>The träff attendance can be recorded at: one of the group's, not cancelled, and not dated after today.</summary>
    private static Traff? UsableTraff(Group group, string? traffId, DateOnly today, List<FieldViolation> violations)
    {
        var id = InputIds.Id(traffId, "traff_id", "Träff-id", violations);
        if (id is null)
        {
            return null;
        }

        var traff = group.FindTraff(id);
        if (traff is null)
        {
            violations.Add(new FieldViolation("traff_id", "Träffen finns inte i gruppen."));
            return null;
        }

        if (traff.Status == TraffStatus.Cancelled)
        {
            violations.Add(new FieldViolation("traff_id", $"Träff {traff.Number} är inställd: ingen närvaro kan registreras."));
            return null;
        }

        if (traff.Date > today)
        {
            violations.Add(new FieldViolation("traff_id", $"Träff {traff.Number} är den {IsoDates.ToIso(traff.Date)} och har inte ägt rum än."));
            return null;
        }

        return traff;
    }

    /// <summary>Who completed is settled and published when a group completes, so its attendance no longer changes.</summary>
    internal static PreconditionFailedException CompletedGroup() =>
        new(ReasonGroupCompleted, "Gruppen är avslutad: närvaron kan inte längre ändras.");
}
