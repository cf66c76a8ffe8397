using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Platform.Security;

namespace Finsam.Participants.Application.Enrolments;

/// <summary>
/// Reads of stays: one, all of a person's, and one's correction history. Access-checked and logged
/// (<see cref="EnrolmentAccess"/>): staff see the stays of the insatser they work in, administrators all.
/// </summary>
public sealed class GetEnrolmentHandlers(
    EnrolmentAccess access, IEnrolmentRepository repository, ParticipantLoader participants, ParticipantAccess participantAccess, IAccessLog log)
{
    public async Task<Enrolment> GetAsync(AccessContext context, string? enrolmentId, CancellationToken cancellationToken)
    {
        var enrolment = await access.LoadAsync(enrolmentId, cancellationToken);
        await access.EnsureMayReadAsync(context, enrolment, cancellationToken);
        return enrolment;
    }

    /// <summary>
    /// The person's stays the caller may read: one access decision about the person (logged once), then only
    /// the stays in the caller's own insatser unless they are an administrator.
    /// </summary>
    public async Task<IReadOnlyList<Enrolment>> ListForParticipantAsync(AccessContext context, string? participantId, CancellationToken cancellationToken)
    {
        var participant = await participants.LoadAsync(participantId, cancellationToken);
        var caller = context.Caller;
        if (caller.Role == Roles.AgencySystem)
        {
            await log.RecordAsync(context, AccessActions.ReadEnrolment, participant.Id, AccessOutcome.Denied, cancellationToken);
            throw EnrolmentAccess.AgencyMayNotReadStays();
        }

        await participantAccess.EnsureMayAccessAsync(context, participant, AccessActions.ReadEnrolment, cancellationToken);
        var stays = await repository.ListForParticipantAsync(participant.Id, cancellationToken);
        return caller.Role == Roles.Administrator ? stays : stays.Where(s => caller.WorksIn(s.InsatsId)).ToList();
    }

    public async Task<IReadOnlyList<Correction>> HistoryAsync(AccessContext context, string? enrolmentId, CancellationToken cancellationToken) =>
        (await GetAsync(context, enrolmentId, cancellationToken)).Corrections;
}
