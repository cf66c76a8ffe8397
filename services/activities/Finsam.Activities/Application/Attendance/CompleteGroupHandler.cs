using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Bookings;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.Activities.Application.Attendance;

public sealed record CompleteGroupCommand(string? GroupId, string? Etag);

/// <summary>
/// Closes a started group after its last träff and settles who completed by the format's rule. Every träff not cancelled
/// must have its attendance recorded first, for everyone it counts for: an outcome computed over missing träffar
/// or missing records would be published wrong.
/// Participants cancelled before the end are not among the outcomes; those still booked are, late joiners with
/// the träffar held since they joined.
/// </summary>
public sealed class CompleteGroupHandler(GroupUpdates updates, TimeProvider clock)
{
    public const string ReasonGroupNotRunning = "GROUP_NOT_RUNNING";
    public const string ReasonAttendanceMissing = "TRAFF_ATTENDANCE_MISSING";

    public async Task<Group> HandleAsync(Caller caller, CompleteGroupCommand command, CancellationToken cancellationToken)
    {
        var current = await updates.GetAsync(command.GroupId, cancellationToken);
        ActivitiesAccess.RequireCompleter(caller, current);
        var violations = new List<FieldViolation>();
        var etag = Etags.Parse(command.Etag, violations);
        ValidationFailedException.ThrowIfAny(violations);

        return await updates.ChangeAsync(
            command.GroupId,
            etag!.Value,
            group =>
            {
                ActivitiesAccess.RequireCompleter(caller, group);
                return Complete(group, clock.GetUtcNow().UtcDateTime);
            },
            cancellationToken);
    }

    private static IReadOnlyList<IIntegrationEvent> Complete(Group group, DateTime now)
    {
        if (group.Status == GroupStatus.Scheduled)
        {
            // Completing a group never started would settle outcomes without the start's checks (minimum or override).
            throw AttendanceRefusals.NotStarted(group);
        }

        if (group.Status != GroupStatus.Started)
        {
            throw new PreconditionFailedException(
                ReasonGroupNotRunning,
                group.Status == GroupStatus.Completed ? "Gruppen är redan avslutad." : "Gruppen är inställd och kan inte avslutas.");
        }

        var missing = group.TraffarWithoutAttendance();
        if (missing.Count > 0)
        {
            throw new PreconditionFailedException(
                ReasonAttendanceMissing,
                $"Närvaro saknas för träff {string.Join(", ", missing.Select(t => t.Number))}. Registrera den, eller ställ in träffar som inte blev av, innan gruppen avslutas.");
        }

        // A träff is held once anyone is recorded there; everyone it counts for needs a record, absence included.
        var unrecorded = group.MissingAttendance();
        if (unrecorded.Count > 0)
        {
            throw new PreconditionFailedException(
                ReasonAttendanceMissing,
                $"Närvaro saknas för {string.Join(", ", unrecorded.Select(m => $"{m.Bookings.Count} deltagare på träff {m.Traff.Number}"))}. "
                + "Registrera närvaro eller frånvaro för var och en innan gruppen avslutas.");
        }

        var outcomes = group.BookedInOrder()
            .Select(group.Tally)
            .Select(t => new GroupParticipantOutcome(
                t.Booking.ParticipantId, t.Booking.JoinedAtTraff, t.TraffarHeldWhileBooked, t.Present, t.Completed(group.CompletionMinAttendancePercent)))
            .ToList();
        group.Status = GroupStatus.Completed;
        return [new GroupCompleted(group.Id, group.InsatsId, group.HeldTraffar().Count(), group.CompletionMinAttendancePercent, outcomes, now)];
    }
}
