using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application;

/// <summary>Looks a participant up by opaque id. The API returns no personal data from it.</summary>
public sealed class GetParticipantHandler(IParticipantRepository repository)
{
    public const string ReasonNotFound = "PARTICIPANT_NOT_FOUND";

    public async Task<Participant> HandleAsync(string? participantId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(participantId))
        {
            throw new ValidationFailedException([new FieldViolation("participant_id", "Deltagar-id saknas.")]);
        }

        if (participantId.Length > 64)
        {
            throw new ValidationFailedException([new FieldViolation("participant_id", "Deltagar-id är för långt.")]);
        }

        return await repository.GetAsync(participantId, cancellationToken)
            ?? throw new NotFoundException(ReasonNotFound, "Deltagaren finns inte.");
    }
}
