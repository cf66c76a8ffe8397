using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.Participants.Application.Access;

/// <summary>
/// Who may see and change a person's data, decided here for every participants handler, and every
/// decision logged (denials too). The full role × operation table is in docs/security.md.
/// </summary>
public sealed class ParticipantAccess(IEnumerable<IInsatsLinkSource> linkSources, IAccessLog log, TimeProvider clock)
{
    public const string ReasonRoleNotAllowed = "ROLE_NOT_ALLOWED";
    public const string ReasonNotInOwnInsats = "NOT_IN_OWN_INSATS";
    public const string ReasonConsentMissing = "CONSENT_MISSING";
    public const string ReasonProtectedIdentity = "PROTECTED_IDENTITY";
    public const string ReasonAgencyMissing = "AGENCY_MISSING";

    /// <summary>Registering people and referring them: agency systems, participant staff, administrators.</summary>
    public static void EnsureMayRegister(Caller caller)
    {
        if (caller.Role == Roles.AgencySystem && caller.Agency is null)
        {
            throw new PermissionDeniedException(ReasonAgencyMissing, "Tokenet anger ingen myndighet (agency).");
        }

        if (caller.Role is not (Roles.AgencySystem or Roles.Samordnare or Roles.Deltagaransvarig or Roles.Administrator))
        {
            throw RoleNotAllowed(caller);
        }
    }

    /// <summary>Recording facts of a stay in an insats: its own staff, or an administrator.</summary>
    public static void EnsureMayWorkIn(Caller caller, string insatsId)
    {
        if (caller.Role == Roles.Administrator)
        {
            return;
        }

        if (!Roles.IsParticipantStaff(caller.Role))
        {
            throw RoleNotAllowed(caller);
        }

        if (!caller.WorksIn(insatsId))
        {
            throw new PermissionDeniedException(ReasonNotInOwnInsats, "Du arbetar inte i den här insatsen.");
        }
    }

    /// <summary>
    /// Reading or changing data about the person (not their identity): administrators; the one who registered
    /// them; staff of an insats the person is tied to; an agency system whose agency the person's consent covers.
    /// The decision is logged under <paramref name="action"/>.
    /// </summary>
    public async Task EnsureMayAccessAsync(AccessContext context, Participant participant, string action, CancellationToken cancellationToken)
    {
        var denial = await DenialAsync(context.Caller, participant, cancellationToken);
        await log.RecordAsync(context, action, participant.Id, denial is null ? AccessOutcome.Allowed : AccessOutcome.Denied, cancellationToken);
        if (denial is not null)
        {
            throw denial;
        }
    }

    /// <summary>As <see cref="EnsureMayAccessAsync"/>, and for skyddade personuppgifter only the registering role.</summary>
    public async Task EnsureMaySeeIdentityAsync(AccessContext context, Participant participant, string action, CancellationToken cancellationToken)
    {
        var denial = await DenialAsync(context.Caller, participant, cancellationToken);
        if (denial is null && participant.ProtectedIdentity && !IsRegisteringRole(context.Caller, participant))
        {
            denial = new PermissionDeniedException(ReasonProtectedIdentity, "Personen har skyddade personuppgifter; identiteten visas bara för den roll som registrerade personen.");
        }

        await log.RecordAsync(context, action, participant.Id, denial is null ? AccessOutcome.Allowed : AccessOutcome.Denied, cancellationToken);
        if (denial is not null)
        {
            throw denial;
        }
    }

    public static bool IsRegisteringRole(Caller caller, Participant participant) =>
        caller.Role == participant.RegisteredBy.Role
        && (caller.Role != Roles.AgencySystem || caller.Agency == participant.RegisteredBy.Agency);

    private async Task<PermissionDeniedException?> DenialAsync(Caller caller, Participant participant, CancellationToken cancellationToken)
    {
        if (caller.Role == Roles.Administrator || caller.Subject == participant.RegisteredBy.Subject)
        {
            return null;
        }

        if (Roles.IsParticipantStaff(caller.Role))
        {
            foreach (var source in linkSources)
            {
                var insatser = await source.InsatserOfAsync(participant.Id, cancellationToken);
                if (insatser.Any(caller.WorksIn))
                {
                    return null;
                }
            }

            return new PermissionDeniedException(ReasonNotInOwnInsats, "Personen finns inte i någon av dina insatser.");
        }

        if (caller.Role == Roles.AgencySystem)
        {
            if (caller.Agency is null)
            {
                return new PermissionDeniedException(ReasonAgencyMissing, "Tokenet anger ingen myndighet (agency).");
            }

            return participant.ActiveConsentFor(caller.Agency, SwedishCalendar.Today(clock)) is null
                ? new PermissionDeniedException(
                    ReasonConsentMissing,
                    $"Samtycke saknas: personen har inte samtyckt till informationsutbyte med {Agencies.DisplayName(caller.Agency)} ({caller.Agency}).")
                : null;
        }

        return RoleNotAllowed(caller);
    }

    private static PermissionDeniedException RoleNotAllowed(Caller caller) =>
        new(ReasonRoleNotAllowed, $"Rollen {caller.Role} får inte göra detta.");
}
