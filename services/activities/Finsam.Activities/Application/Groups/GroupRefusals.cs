using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;

namespace Finsam.Activities.Application.Groups;

/// <summary>The state refusals (FAILED_PRECONDITION) of group and träff changes, with their stable reasons.</summary>
public static class GroupRefusals
{
    public const string ReasonGroupEnded = "GROUP_ENDED";
    public const string ReasonGroupNotScheduled = "GROUP_NOT_SCHEDULED";
    public const string ReasonNoLeaders = "GROUP_HAS_NO_LEADERS";
    public const string ReasonLeaderAgenciesMissing = "LEADER_AGENCIES_MISSING";
    public const string ReasonLeaderNotQualified = "LEADER_NOT_QUALIFIED";
    public const string ReasonTraffHeld = "TRAFF_HELD";
    public const string ReasonTraffCancelled = "TRAFF_CANCELLED";

    /// <summary>A completed or cancelled group is history: nothing about it is planned any more.</summary>
    public static void EnsureNotEnded(Group group)
    {
        if (group.IsEnded)
        {
            throw new PreconditionFailedException(
                ReasonGroupEnded,
                group.Status == GroupStatus.Cancelled ? "Gruppen är inställd." : "Gruppen är avslutad.");
        }
    }

    /// <summary>A träff with attendance recorded has happened, and a cancelled one is kept as it was: neither is changed.</summary>
    public static void EnsureChangeable(Traff traff)
    {
        if (traff.Status == TraffStatus.Held || traff.Attendance.Count > 0)
        {
            throw new PreconditionFailedException(ReasonTraffHeld, $"Träff {traff.Number} är genomförd: närvaron är redan registrerad.");
        }

        if (traff.Status == TraffStatus.Cancelled)
        {
            throw new PreconditionFailedException(ReasonTraffCancelled, $"Träff {traff.Number} är redan inställd.");
        }
    }
}
