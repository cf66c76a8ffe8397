using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.Participants.Application.Enrolments;

/// <summary>
/// Loading an enrolment and deciding who may read or change it. A stay — its plans, assessments, notes and
/// contact persons — is the insats' own information: its staff and administrators read and change it, staff
/// of other insatser don't (even when the person is theirs too), and agency systems never do, consent or
/// not (consent covers exchanging information about the person, not the insats' working notes). Every
/// decision about an identified person is logged, denials too.
/// </summary>
public sealed class EnrolmentAccess(IEnrolmentRepository enrolments, IAccessLog log)
{
    public const string ReasonNotFound = "ENROLMENT_NOT_FOUND";
    public const string ReasonChanged = "ENROLMENT_CHANGED";

    public async Task<Enrolment> LoadAsync(string? enrolmentId, CancellationToken cancellationToken)
    {
        var id = Ids.Require(enrolmentId, "enrolment_id", "Inskrivnings-id");
        return await enrolments.GetAsync(id, cancellationToken)
            ?? throw new NotFoundException(ReasonNotFound, "Inskrivningen finns inte.");
    }

    /// <summary>Loads the enrolment for a change: access checked and logged, and the etag still current.</summary>
    public async Task<Enrolment> LoadForChangeAsync(AccessContext context, string? enrolmentId, long etag, CancellationToken cancellationToken)
    {
        var enrolment = await LoadAsync(enrolmentId, cancellationToken);
        await EnsureMayWorkInAsync(context, enrolment.InsatsId, enrolment.ParticipantId, AccessActions.ChangeEnrolment, cancellationToken);
        Etags.EnsureCurrent(etag, enrolment.Version, ReasonChanged, "Inskrivningen");
        return enrolment;
    }

    /// <summary>
    /// Staff of the insats or an administrator. For an identified person the decision is logged under
    /// <paramref name="action"/>; anonymous stays hold nobody to log about.
    /// </summary>
    public async Task EnsureMayWorkInAsync(AccessContext context, string insatsId, string? participantId, string action, CancellationToken cancellationToken)
    {
        var denial = ParticipantAccess.WorkInDenial(context.Caller, insatsId);
        if (participantId is not null)
        {
            await log.RecordAsync(context, action, participantId, denial is null ? AccessOutcome.Allowed : AccessOutcome.Denied, cancellationToken);
        }

        if (denial is not null)
        {
            throw denial;
        }
    }

    /// <summary>Reading a stay: staff of its insats or an administrator; logged for an identified person.</summary>
    public async Task EnsureMayReadAsync(AccessContext context, Enrolment enrolment, CancellationToken cancellationToken)
    {
        if (context.Caller.Role == Roles.AgencySystem)
        {
            if (enrolment.ParticipantId is not null)
            {
                await log.RecordAsync(context, AccessActions.ReadEnrolment, enrolment.ParticipantId, AccessOutcome.Denied, cancellationToken);
            }

            throw AgencyMayNotReadStays();
        }

        await EnsureMayWorkInAsync(context, enrolment.InsatsId, enrolment.ParticipantId, AccessActions.ReadEnrolment, cancellationToken);
    }

    public static PermissionDeniedException AgencyMayNotReadStays() =>
        new(
            ParticipantAccess.ReasonRoleNotAllowed,
            "Myndighetssystem läser inte inskrivningar: planer, bedömningar och anteckningar är insatsens egen information, även med samtycke.");
}
