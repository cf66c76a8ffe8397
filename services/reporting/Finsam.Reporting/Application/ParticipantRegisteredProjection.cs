using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Platform.Inbox;
using Finsam.Reporting.Domain;

namespace Finsam.Reporting.Application;

/// <summary>Projects ParticipantRegistered (v1) into the participant facts read model.</summary>
public sealed class ParticipantRegisteredProjection(IParticipantFactsStore store)
{
    public Task ApplyAsync(ParticipantRegistered registered, CancellationToken cancellationToken)
    {
        // A fact we can't place is refused, not guessed: the message goes to the _error queue for a person to look at.
        if (string.IsNullOrWhiteSpace(registered.ParticipantId))
        {
            throw new InvalidEventException("ParticipantRegistered without participant id.");
        }

        if (!ParticipantGenders.IsKnown(registered.Gender))
        {
            throw new InvalidEventException($"ParticipantRegistered with unknown gender '{registered.Gender}'.");
        }

        return store.UpsertAsync(
            new ParticipantFacts(registered.ParticipantId, registered.Gender, registered.BirthYear, registered.OccurredAt),
            cancellationToken);
    }
}

public sealed class InvalidEventException(string message) : UnprocessableMessageException(message);
