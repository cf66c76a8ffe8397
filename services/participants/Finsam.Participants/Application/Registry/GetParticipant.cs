using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Registry;

/// <summary>Loads a participant by opaque id for any handler: validates the id, and NOT_FOUND when absent.</summary>
public sealed class ParticipantLoader(IParticipantRepository repository)
{
    public const string ReasonNotFound = "PARTICIPANT_NOT_FOUND";

    public async Task<Participant> LoadAsync(string? participantId, CancellationToken cancellationToken, string field = "participant_id")
    {
        var id = Ids.Require(participantId, field, "Deltagar-id");
        return await repository.GetAsync(id, cancellationToken)
            ?? throw new NotFoundException(ReasonNotFound, "Deltagaren finns inte.");
    }
}

/// <summary>The participant without identity (the API leaves out personnummer and name); access-checked and logged.</summary>
public sealed class GetParticipantHandler(ParticipantLoader loader, ParticipantAccess access)
{
    public async Task<Participant> HandleAsync(AccessContext context, string? participantId, CancellationToken cancellationToken)
    {
        var participant = await loader.LoadAsync(participantId, cancellationToken);
        await access.EnsureMayAccessAsync(context, participant, AccessActions.Read, cancellationToken, AccessScope.Registration);
        return participant;
    }
}

/// <summary>Personnummer and name: the most guarded read of the service.</summary>
public sealed class GetParticipantIdentityHandler(ParticipantLoader loader, ParticipantAccess access)
{
    public const string ReasonIdentityRemoved = "IDENTITY_REMOVED";

    public async Task<Participant> HandleAsync(AccessContext context, string? participantId, CancellationToken cancellationToken)
    {
        var participant = await loader.LoadAsync(participantId, cancellationToken);
        await access.EnsureMaySeeIdentityAsync(context, participant, AccessActions.ReadIdentity, cancellationToken);
        if (participant.IdentityRemovedAt is not null)
        {
            throw new PreconditionFailedException(ReasonIdentityRemoved, "Identitetsuppgifterna är gallrade.");
        }

        return participant;
    }
}
