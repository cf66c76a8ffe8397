using Finsam.Participants.Application.Access;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Time;

namespace Finsam.Participants.Application.Referrals;

/// <summary>
/// Who may do what with a referral, every decision written to the access log (denials too).
/// <para>
/// The referring agency is the exception to the consent rule of <see cref="ParticipantAccess"/>: an agency
/// system may always refer a person and read back the referrals IT made, without the person's consent. A
/// referral is the agency's own document; consent governs exchanging information between agencies, which
/// reading one's own remiss is not. Another agency's referrals are readable only under consent.
/// </para>
/// </summary>
public sealed class ReferralAccess(IAccessLog log, TimeProvider clock)
{
    public const string ReasonNotOwnAgency = "NOT_OWN_AGENCY";

    /// <summary>
    /// Creating a referral: the registering roles (<see cref="ParticipantAccess.EnsureMayRegister"/>, checked
    /// before anything else); an agency system only in its own agency's name; staff only into an insats they
    /// work in — a referral ties the person to the insats, and with it opens the person's data to its staff,
    /// so staff must not be able to tie anyone to themselves. Logged as the referral.
    /// </summary>
    public Task EnsureMayReferAsync(AccessContext context, string agency, string insatsId, Participant participant, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        var denial = caller.Role == Roles.AgencySystem && caller.Agency != agency
            ? new PermissionDeniedException(
                ReasonNotOwnAgency,
                $"Ett myndighetssystem får bara remittera i sin egen myndighets namn ({caller.Agency}), inte som {agency}.")
            : Roles.IsParticipantStaff(caller.Role) ? ParticipantAccess.WorkInDenial(caller, insatsId) : null;
        return DecideAsync(context, AccessActions.Refer, participant.Id, denial, cancellationToken);
    }

    /// <summary>
    /// Reading a referral: an administrator; the referring agency's system (its own, no consent needed); the
    /// one who registered the referral or the person; staff of the referral's insats; another agency's system
    /// only under the person's consent.
    /// </summary>
    public Task EnsureMayReadAsync(AccessContext context, Referral referral, Participant participant, CancellationToken cancellationToken) =>
        DecideAsync(context, AccessActions.ReadReferral, participant.Id, ReadDenial(context.Caller, referral, participant), cancellationToken);

    /// <summary>The read rule without logging, for lists that log once for all they show.</summary>
    public PermissionDeniedException? ReadDenial(Caller caller, Referral referral, Participant participant)
    {
        if (caller.Role == Roles.Administrator
            || IsReferringAgency(caller, referral)
            || caller.Subject == referral.CreatedBy.Subject
            || (Roles.IsParticipantStaff(caller.Role) && caller.Subject == participant.RegisteredBy.Subject))
        {
            return null;
        }

        if (Roles.IsParticipantStaff(caller.Role))
        {
            return caller.WorksIn(referral.InsatsId)
                ? null
                : new PermissionDeniedException(ParticipantAccess.ReasonNotInOwnInsats, "Remissen gäller en insats du inte arbetar i.");
        }

        return caller.Role == Roles.AgencySystem
            ? ParticipantAccess.ConsentDenial(caller, participant, SwedishCalendar.Today(clock))
            : ParticipantAccess.RoleNotAllowed(caller);
    }

    /// <summary>Accepting and declining: staff of the referral's insats, or an administrator.</summary>
    public Task EnsureMayDecideAsync(AccessContext context, Referral referral, CancellationToken cancellationToken) =>
        DecideAsync(context, AccessActions.DecideReferral, referral.ParticipantId, ParticipantAccess.WorkInDenial(context.Caller, referral.InsatsId), cancellationToken);

    /// <summary>
    /// Withdrawing: the referring agency's system, or staff of the insats (who record a withdrawal the agency
    /// phoned in), or an administrator. Logged as a decision on the referral: withdrawing is the agency's decision.
    /// </summary>
    public Task EnsureMayWithdrawAsync(AccessContext context, Referral referral, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        PermissionDeniedException? denial = null;
        if (!IsReferringAgency(caller, referral) && ParticipantAccess.WorkInDenial(caller, referral.InsatsId) is { } notStaff)
        {
            denial = caller.Role == Roles.AgencySystem
                ? new PermissionDeniedException(ReasonNotOwnAgency, "Bara den myndighet som remitterade kan återkalla remissen.")
                : notStaff;
        }

        return DecideAsync(context, AccessActions.DecideReferral, referral.ParticipantId, denial, cancellationToken);
    }

    /// <summary>The queue of an insats: its staff, or an administrator. Not logged here: the caller logs each person listed.</summary>
    public static void EnsureMaySeeQueue(Caller caller, string insatsId) => ParticipantAccess.EnsureMayWorkIn(caller, insatsId);

    public Task RecordReadAsync(AccessContext context, string participantId, CancellationToken cancellationToken) =>
        log.RecordAsync(context, AccessActions.ReadReferral, participantId, AccessOutcome.Allowed, cancellationToken);

    private static bool IsReferringAgency(Caller caller, Referral referral) =>
        caller.Role == Roles.AgencySystem && caller.Agency is not null && caller.Agency == referral.Agency;

    private async Task DecideAsync(AccessContext context, string action, string participantId, PermissionDeniedException? denial, CancellationToken cancellationToken)
    {
        await log.RecordAsync(context, action, participantId, denial is null ? AccessOutcome.Allowed : AccessOutcome.Denied, cancellationToken);
        if (denial is not null)
        {
            throw denial;
        }
    }
}
