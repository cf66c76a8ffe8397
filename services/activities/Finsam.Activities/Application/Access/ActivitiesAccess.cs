using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.Activities.Application.Access;

/// <summary>
/// Who may do what in the activities service, in one place (docs/security.md has the table). Each rule throws
/// PERMISSION_DENIED with a stable reason; a rule that passes returns nothing.
/// </summary>
public static class ActivitiesAccess
{
    public const string ReasonRoleNotAllowed = "ROLE_NOT_ALLOWED";
    public const string ReasonNotOwnInsats = "NOT_OWN_INSATS";
    public const string ReasonNotGroupLeader = "NOT_GROUP_LEADER";

    /// <summary>Insatser and course formats: administratör, and insatsansvarig (changing only their own insatser).</summary>
    public static void RequireCatalogueEditor(Caller caller, string? insatsId = null)
    {
        if (caller.Role == Roles.Administrator)
        {
            return;
        }

        if (caller.Role != Roles.Insatsansvarig)
        {
            throw Denied(ReasonRoleNotAllowed, "Bara administratör och insatsansvarig ändrar katalogen.");
        }

        if (insatsId is not null && !caller.WorksIn(insatsId))
        {
            throw Denied(ReasonNotOwnInsats, "Du är inte insatsansvarig för den här insatsen.");
        }
    }

    /// <summary>Registering group leaders and their qualifications.</summary>
    public static void RequireAdministrator(Caller caller)
    {
        if (caller.Role != Roles.Administrator)
        {
            throw Denied(ReasonRoleNotAllowed, "Bara administratör får göra detta.");
        }
    }

    /// <summary>
    /// Reading the leader registry (names, agencies, qualifications): administratör, who keeps it; insatsansvarig,
    /// who assigns leaders to groups; and gruppledare, who see who they lead with.
    /// </summary>
    public static void RequireLeaderRegistryReader(Caller caller)
    {
        if (caller.Role is not (Roles.Administrator or Roles.Insatsansvarig or Roles.Gruppledare))
        {
            throw Denied(ReasonRoleNotAllowed, "Ledarregistret visas för administratör, insatsansvariga och gruppledare.");
        }
    }

    /// <summary>Scheduling groups, assigning leaders, starting and cancelling: administratör, or the insats' insatsansvarig.</summary>
    public static void RequireGroupManager(Caller caller, string insatsId)
    {
        if (caller.Role == Roles.Administrator)
        {
            return;
        }

        if (caller.Role != Roles.Insatsansvarig)
        {
            throw Denied(ReasonRoleNotAllowed, "Bara administratör och insatsansvarig planerar grupper.");
        }

        if (!caller.WorksIn(insatsId))
        {
            throw Denied(ReasonNotOwnInsats, "Du är inte insatsansvarig för gruppens insats.");
        }
    }

    /// <summary>
    /// An insats' counts by gender (pinnstatistik): registering, correcting and reading them. Administratör, and the
    /// insats' own insatsansvarig, who answers for its figures. The counts name no one, but they are the insats'
    /// figures before the report: those who register them are the ones who read them.
    /// </summary>
    public static void RequireCountRegistrar(Caller caller, string insatsId)
    {
        if (caller.Role == Roles.Administrator)
        {
            return;
        }

        if (caller.Role != Roles.Insatsansvarig)
        {
            throw Denied(ReasonRoleNotAllowed, "Bara administratör och insatsansvarig registrerar antal för en insats.");
        }

        if (!caller.WorksIn(insatsId))
        {
            throw Denied(ReasonNotOwnInsats, "Du är inte insatsansvarig för den här insatsen.");
        }
    }

    /// <summary>
    /// Adding, moving and cancelling träffar: the group's own leaders, who plan its week, and those who manage the
    /// group (administratör, the insats' insatsansvarig), who may have to reschedule when no leader is assigned yet.
    /// </summary>
    public static void RequireTraffPlanner(Caller caller, Group group)
    {
        if (IsLeaderOf(caller, group))
        {
            return;
        }

        if (caller.Role == Roles.Administrator || (caller.Role == Roles.Insatsansvarig && caller.WorksIn(group.InsatsId)))
        {
            return;
        }

        throw Refused(
            caller,
            [Roles.Gruppledare, Roles.Administrator, Roles.Insatsansvarig],
            "Bara gruppens ledare och den som planerar gruppen (administratör, insatsansvarig) ändrar träffarna.");
    }

    /// <summary>
    /// An insats' list of groups: administratör, and insatsansvarig, samordnare and deltagaransvarig of that insats
    /// (the same people who may read each of its groups; leaders find theirs with "my groups").
    /// </summary>
    public static void RequireInsatsGroupReader(Caller caller, string insatsId)
    {
        if (caller.Role == Roles.Administrator)
        {
            return;
        }

        if (caller.Role != Roles.Insatsansvarig && !Roles.IsParticipantStaff(caller.Role))
        {
            throw Denied(ReasonRoleNotAllowed, "Insatsens grupper visas för administratör och insatsens personal.");
        }

        if (!caller.WorksIn(insatsId))
        {
            throw Denied(ReasonNotOwnInsats, "Du arbetar inte i den här insatsen.");
        }
    }

    /// <summary>Planning träffar, recording attendance, entering evaluations, completing: the group's own leaders.</summary>
    public static void RequireLeaderOf(Caller caller, Group group)
    {
        if (!IsLeaderOf(caller, group))
        {
            throw Refused(caller, [Roles.Gruppledare], "Bara gruppens ledare får göra detta.");
        }
    }

    /// <summary>Completing a group after its last träff: its own leaders, and those who manage the insats' groups.</summary>
    public static void RequireCompleter(Caller caller, Group group)
    {
        if (IsLeaderOf(caller, group)
            || caller.Role == Roles.Administrator
            || (caller.Role == Roles.Insatsansvarig && caller.WorksIn(group.InsatsId)))
        {
            return;
        }

        throw Refused(
            caller,
            [Roles.Gruppledare, Roles.Administrator, Roles.Insatsansvarig],
            "Bara gruppens ledare och den som planerar gruppen (administratör, insatsansvarig) avslutar gruppen.");
    }

    /// <summary>Booking and cancelling: the group's leaders, and samordnare / deltagaransvarig of the group's insats.</summary>
    public static void RequireBooker(Caller caller, Group group)
    {
        if (IsLeaderOf(caller, group) || IsParticipantStaffOf(caller, group))
        {
            return;
        }

        throw Refused(
            caller,
            [Roles.Gruppledare, Roles.Samordnare, Roles.Deltagaransvarig],
            "Bara gruppens ledare och insatsens samordnare eller deltagaransvariga bokar deltagare.");
    }

    /// <summary>
    /// The roster and attendance (participant ids with their attendance): the group's leaders, the insats'
    /// samordnare / deltagaransvarig, and administratör.
    /// </summary>
    public static void RequireRosterReader(Caller caller, Group group)
    {
        if (caller.Role == Roles.Administrator || IsLeaderOf(caller, group) || IsParticipantStaffOf(caller, group))
        {
            return;
        }

        throw Refused(
            caller,
            [Roles.Administrator, Roles.Gruppledare, Roles.Samordnare, Roles.Deltagaransvarig],
            "Deltagarlistan visas bara för gruppens ledare och insatsens personal.");
    }

    /// <summary>
    /// The group itself (träffar, counts, evaluation means; no participants): everyone who may read the roster,
    /// and the insats' insatsansvarig.
    /// </summary>
    public static void RequireGroupReader(Caller caller, Group group)
    {
        if (caller.Role == Roles.Administrator
            || IsLeaderOf(caller, group)
            || IsParticipantStaffOf(caller, group)
            || (caller.Role == Roles.Insatsansvarig && caller.WorksIn(group.InsatsId)))
        {
            return;
        }

        throw Refused(
            caller,
            [Roles.Administrator, Roles.Gruppledare, Roles.Samordnare, Roles.Deltagaransvarig, Roles.Insatsansvarig],
            "Gruppen visas bara för dess ledare, insatsens personal och administratör.");
    }

    public static bool IsLeaderOf(Caller caller, Group group) =>
        caller.Role == Roles.Gruppledare && group.LeaderSubjects.Contains(caller.Subject, StringComparer.Ordinal);

    private static bool IsParticipantStaffOf(Caller caller, Group group) =>
        Roles.IsParticipantStaff(caller.Role) && caller.WorksIn(group.InsatsId);

    private static PermissionDeniedException Denied(string reason, string message) => new(reason, message);

    /// <summary>
    /// A refusal of a group-level operation, with the reason that says why: a role that may never do it is
    /// ROLE_NOT_ALLOWED; a gruppledare who may, but not in this group, NOT_GROUP_LEADER; anyone else whose role may,
    /// but not in this insats, NOT_OWN_INSATS.
    /// </summary>
    private static PermissionDeniedException Refused(Caller caller, string[] rolesThatMay, string message) =>
        !rolesThatMay.Contains(caller.Role) ? Denied(ReasonRoleNotAllowed, message)
        : caller.Role == Roles.Gruppledare ? Denied(ReasonNotGroupLeader, message)
        : Denied(ReasonNotOwnInsats, message);
}
