using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Enrolments;

/// <summary>
/// Loading an enrolment and deciding who may read or change it. Changes are for the insats' own staff and
/// administrators; reads of an identified person's stay follow the person's access rules. Every decision
/// about an identified person is logged, denials too.
/// </summary>
public sealed class EnrolmentAccess(IEnrolmentRepository enrolments, IParticipantRepository participants, ParticipantAccess access, IAccessLog log)
{
    public const string ReasonNotFound = "ENROLMENT_NOT_FOUND";
    public const string ReasonChanged = "ENROLMENT_CHANGED";

    public async Task<Enrolment> LoadAsync(string? enrolmentId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(enrolmentId) || enrolmentId.Length > EnrolmentFields.MaxIdLength)
        {
            throw new ValidationFailedException([new FieldViolation("enrolment_id", "Inskrivningens id saknas eller är för långt.")]);
        }

        return await enrolments.GetAsync(enrolmentId, cancellationToken)
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
        try
        {
            ParticipantAccess.EnsureMayWorkIn(context.Caller, insatsId);
        }
        catch (PermissionDeniedException) when (participantId is not null)
        {
            await log.RecordAsync(context, action, participantId, AccessOutcome.Denied, cancellationToken);
            throw;
        }

        if (participantId is not null)
        {
            await log.RecordAsync(context, action, participantId, AccessOutcome.Allowed, cancellationToken);
        }
    }

    /// <summary>
    /// Reading a stay: an identified person's by the person's access rules (logged); an anonymous one by the
    /// insats' staff or an administrator.
    /// </summary>
    public async Task EnsureMayReadAsync(AccessContext context, Enrolment enrolment, CancellationToken cancellationToken)
    {
        if (enrolment.ParticipantId is null)
        {
            ParticipantAccess.EnsureMayWorkIn(context.Caller, enrolment.InsatsId);
            return;
        }

        var participant = await participants.GetAsync(enrolment.ParticipantId, cancellationToken)
            ?? throw new InvalidOperationException("An enrolment points at a participant that is not stored.");
        await access.EnsureMayAccessAsync(context, participant, AccessActions.ReadEnrolment, cancellationToken);
    }
}
