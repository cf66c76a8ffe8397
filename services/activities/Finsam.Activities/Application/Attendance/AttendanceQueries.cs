using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Bookings;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Application.Validation;
using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.Activities.Application.Attendance;

/// <summary>
/// A group's attendance figures. Only held träffar count; a participant's rate is over the held träffar while they
/// had a place, and those who have left the group are not among the participants (they still count in the träffar
/// they were booked at).
/// </summary>
public sealed record AttendanceSummaryView(Group Group, IReadOnlyList<TraffTally> Traffar, IReadOnlyList<ParticipantTally> Participants)
{
    public int Completed => Participants.Count(p => p.Completed(Group.CompletionMinAttendancePercent));

    /// <summary>Present over expected for all held träffar.</summary>
    public double OverallAttendancePercent => GroupAttendance.Percent(Traffar.Sum(t => t.Present), Traffar.Sum(t => t.Expected));
}

/// <summary>Reading attendance: one träff's records, and the group's summary.</summary>
public sealed class AttendanceQueries(GroupUpdates updates)
{
    public const string ReasonTraffNotFound = "TRAFF_NOT_FOUND";

    public async Task<TraffAttendanceView> GetTraffAttendanceAsync(Caller caller, string? groupId, string? traffId, CancellationToken cancellationToken)
    {
        var group = await updates.GetAsync(groupId, cancellationToken);
        ActivitiesAccess.RequireRosterReader(caller, group);
        var violations = new List<FieldViolation>();
        var id = InputIds.Id(traffId, "traff_id", "Träff-id", violations);
        ValidationFailedException.ThrowIfAny(violations);
        var traff = group.FindTraff(id!) ?? throw new NotFoundException(ReasonTraffNotFound, "Träffen finns inte i gruppen.");
        return new TraffAttendanceView(group, traff);
    }

    public async Task<AttendanceSummaryView> GetSummaryAsync(Caller caller, string? groupId, CancellationToken cancellationToken)
    {
        var group = await updates.GetAsync(groupId, cancellationToken);
        ActivitiesAccess.RequireRosterReader(caller, group);
        return new AttendanceSummaryView(
            group,
            group.HeldTraffar().Select(group.Tally).ToList(),
            group.BookedInOrder().Select(group.Tally).ToList());
    }
}
