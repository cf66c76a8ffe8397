using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;

namespace Finsam.Participants.Application.Enrolments;

/// <summary>Reads of stays: one, all of a person's, and one's correction history. Access-checked and logged.</summary>
public sealed class GetEnrolmentHandlers(EnrolmentAccess access, IEnrolmentRepository repository, ParticipantLoader participants, ParticipantAccess participantAccess)
{
    public async Task<Enrolment> GetAsync(AccessContext context, string? enrolmentId, CancellationToken cancellationToken)
    {
        var enrolment = await access.LoadAsync(enrolmentId, cancellationToken);
        await access.EnsureMayReadAsync(context, enrolment, cancellationToken);
        return enrolment;
    }

    public async Task<IReadOnlyList<Enrolment>> ListForParticipantAsync(AccessContext context, string? participantId, CancellationToken cancellationToken)
    {
        var participant = await participants.LoadAsync(participantId, cancellationToken);
        await participantAccess.EnsureMayAccessAsync(context, participant, AccessActions.ReadEnrolment, cancellationToken);
        return await repository.ListForParticipantAsync(participant.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<Correction>> HistoryAsync(AccessContext context, string? enrolmentId, CancellationToken cancellationToken) =>
        (await GetAsync(context, enrolmentId, cancellationToken)).Corrections;
}
