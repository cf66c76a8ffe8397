using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Time;

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
        if (WorkInDenial(caller, insatsId) is { } denial)
        {
            throw denial;
        }
    }

    /// <summary>The rule of <see cref="EnsureMayWorkIn"/> as a value, for callers that log the decision before refusing.</summary>
    public static PermissionDeniedException? WorkInDenial(Caller caller, string insatsId)
    {
        if (caller.Role == Roles.Administrator)
        {
            return null;
        }

        if (!Roles.IsParticipantStaff(caller.Role))
        {
            return RoleNotAllowed(caller);
        }

        return caller.WorksIn(insatsId) ? null : new PermissionDeniedException(ReasonNotInOwnInsats, "Du arbetar inte i den här insatsen.");
    }

    /// <summary>
    /// An agency system's reading under consent: refused without an agency in the token, or without the
    /// person's consent covering that agency today (the message names the agency).
    /// </summary>
    public static PermissionDeniedException? ConsentDenial(Caller caller, Participant participant, DateOnly today)
    {
        if (caller.Agency is null)
        {
            return new PermissionDeniedException(ReasonAgencyMissing, "Tokenet anger ingen myndighet (agency).");
        }

        return participant.ActiveConsentFor(caller.Agency, today) is null
            ? new PermissionDeniedException(
                ReasonConsentMissing,
                $"Samtycke saknas: personen har inte samtyckt till informationsutbyte med {Agencies.DisplayName(caller.Agency)} ({caller.Agency}).")
            : null;
    }

    /// <summary>
    /// Reading or changing data about the person: administrators; staff of an insats the person is tied to, or
    /// who registered them; an agency system whose agency the person's consent covers — or, for the
    /// <see cref="AccessScope.Registration"/> alone, the agency system that registered the person. What others
    /// recorded (consents, stays, other agencies' referrals) is another agency's information: consent only.
    /// The decision is logged under <paramref name="action"/>.
    /// </summary>
    public async Task EnsureMayAccessAsync(
        AccessContext context, Participant participant, string action, CancellationToken cancellationToken, AccessScope scope = AccessScope.Journey)
    {
        var denial = await DenialAsync(context.Caller, participant, scope, cancellationToken);
        await log.RecordAsync(context, action, participant.Id, denial is null ? AccessOutcome.Allowed : AccessOutcome.Denied, cancellationToken);
        if (denial is not null)
        {
            throw denial;
        }
    }

    /// <summary>As <see cref="EnsureMayAccessAsync"/>, and for skyddade personuppgifter only the registering role.</summary>
    public async Task EnsureMaySeeIdentityAsync(AccessContext context, Participant participant, string action, CancellationToken cancellationToken)
    {
        var denial = await DenialAsync(context.Caller, participant, AccessScope.Registration, cancellationToken);
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

    /// <summary>
    /// Correcting name or gender: as reading the identity, except that an agency system may correct only what
    /// it registered itself; consent lets it read another agency's data, not change it.
    /// </summary>
    public async Task EnsureMayCorrectAsync(AccessContext context, Participant participant, CancellationToken cancellationToken)
    {
        if (context.Caller.Role == Roles.AgencySystem && context.Caller.Subject != participant.RegisteredBy.Subject)
        {
            await log.RecordAsync(context, AccessActions.Correct, participant.Id, AccessOutcome.Denied, cancellationToken);
            throw new PermissionDeniedException(ReasonRoleNotAllowed, "Ett myndighetssystem får bara rätta uppgifter som det själv har registrerat.");
        }

        await EnsureMaySeeIdentityAsync(context, participant, AccessActions.Correct, cancellationToken);
    }

    public static bool IsRegisteringRole(Caller caller, Participant participant) =>
        caller.Role == participant.RegisteredBy.Role
        && (caller.Role != Roles.AgencySystem || caller.Agency == participant.RegisteredBy.Agency);

    private async Task<PermissionDeniedException?> DenialAsync(Caller caller, Participant participant, AccessScope scope, CancellationToken cancellationToken)
    {
        if (caller.Role == Roles.Administrator)
        {
            return null;
        }

        var isRegistrant = caller.Subject == participant.RegisteredBy.Subject;
        if (Roles.IsParticipantStaff(caller.Role))
        {
            if (isRegistrant)
            {
                return null;
            }

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
            return caller.Agency is not null && scope == AccessScope.Registration && isRegistrant
                ? null
                : ConsentDenial(caller, participant, SwedishCalendar.Today(clock));
        }

        return RoleNotAllowed(caller);
    }

    public static PermissionDeniedException RoleNotAllowed(Caller caller) =>
        new(ReasonRoleNotAllowed, $"Rollen {caller.Role} får inte göra detta.");
}

/// <summary>What of the person a call touches, which decides whether being the registrant is enough.</summary>
public enum AccessScope
{
    /// <summary>The registration itself: the participant record, identity, its corrections.</summary>
    Registration,

    /// <summary>Everything recorded about the person since: consents, referrals, stays, the access log.</summary>
    Journey,
}
