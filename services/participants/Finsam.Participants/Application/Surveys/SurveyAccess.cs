using Finsam.Participants.Application.Access;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.Participants.Application.Surveys;

/// <summary>
/// Who may do what with surveys. Nothing here is personal data (instruments are wording, answers can't be
/// traced to anyone), so unlike <see cref="ParticipantAccess"/> no decision is written to the access log.
/// </summary>
public static class SurveyAccess
{
    /// <summary>Instruments are the förbund's versioned wording: only an administrator adds a version.</summary>
    public static void EnsureMayDefine(Caller caller)
    {
        if (caller.Role != Roles.Administrator)
        {
            throw ParticipantAccess.RoleNotAllowed(caller);
        }
    }

    /// <summary>
    /// The participant fills in the form and the insats' own staff hand it in (or an administrator):
    /// the same rule as recording anything else in an insats.
    /// </summary>
    public static void EnsureMaySubmit(Caller caller, string insatsId) => ParticipantAccess.EnsureMayWorkIn(caller, insatsId);

    /// <summary>
    /// Staff and insatsansvarig see their own insatser's counts (and must name one); analytiker, förbundschef
    /// and administrators see any insats, or all together.
    /// </summary>
    public static void EnsureMaySummarize(Caller caller, string? insatsId)
    {
        if (caller.Role is Roles.Analytiker or Roles.Forbundschef or Roles.Administrator)
        {
            return;
        }

        if (!(Roles.IsParticipantStaff(caller.Role) || caller.Role == Roles.Insatsansvarig))
        {
            throw ParticipantAccess.RoleNotAllowed(caller);
        }

        if (insatsId is null || !caller.WorksIn(insatsId))
        {
            throw new PermissionDeniedException(ParticipantAccess.ReasonNotInOwnInsats, "Du arbetar inte i den här insatsen.");
        }
    }

    /// <summary>Whether the caller must name an insats to see a summary (they see only their own).</summary>
    public static bool MustNameInsats(Caller caller) =>
        Roles.IsParticipantStaff(caller.Role) || caller.Role == Roles.Insatsansvarig;
}
