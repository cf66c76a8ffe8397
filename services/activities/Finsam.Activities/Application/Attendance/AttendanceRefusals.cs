using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;

namespace Finsam.Activities.Application.Attendance;

/// <summary>
/// The state a group must be in for its attendance to be recorded, corrected or settled: started. Starting is where a
/// group below the format's minimum needs an explicit override with a reason, and where the required leader agencies
/// are checked; recording or completing a group never started would skip both. A group registered afterwards is
/// started (with the override if small) before its attendance is entered.
/// </summary>
public static class AttendanceRefusals
{
    public const string ReasonGroupNotStarted = "GROUP_NOT_STARTED";

    /// <summary>Refuses attendance for a group that isn't started: not yet (GROUP_NOT_STARTED), completed, or cancelled.</summary>
    public static void EnsureStarted(Group group)
    {
        switch (group.Status)
        {
            case GroupStatus.Started:
                return;
            case GroupStatus.Completed:
                throw RecordAttendanceHandler.CompletedGroup();
            case GroupStatus.Cancelled:
                throw new PreconditionFailedException(GroupRefusals.ReasonGroupEnded, "Gruppen är inställd: ingen närvaro registreras.");
            default:
                throw NotStarted(group);
        }
    }

    /// <summary>A scheduled group: start it first, with the override and a reason when it has fewer booked than the minimum.</summary>
    public static PreconditionFailedException NotStarted(Group group)
    {
        var booked = group.BookedCount();
        var howToStart = booked < group.MinParticipants
            ? $" Den har {booked} bokade och {group.FormatName} kräver minst {group.MinParticipants}: starta den med override_min_participants och ett skäl."
            : "";
        return new(ReasonGroupNotStarted, $"Gruppen är inte startad: starta den först.{howToStart}");
    }
}
