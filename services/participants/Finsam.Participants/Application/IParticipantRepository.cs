using Finsam.IntegrationEvents;
using Finsam.Participants.Domain;

namespace Finsam.Participants.Application;

/// <summary>The participants' storage port. Adapters: LiteDB and MongoDB, through the platform's document store.</summary>
public interface IParticipantRepository
{
    /// <summary>
    /// Stores the participant and its events in one atomic write.
    /// Throws <see cref="PersonnummerTakenException"/> or <see cref="RequestIdTakenException"/>.
    /// </summary>
    Task AddAsync(Participant participant, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);

    Task<Participant?> GetAsync(string participantId, CancellationToken cancellationToken);

    /// <summary>The participant created by an earlier request with this id, if any.</summary>
    Task<Participant?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);
}

public sealed class PersonnummerTakenException() : Exception("The personnummer is already registered.");

public sealed class RequestIdTakenException() : Exception("The request id has already been used.");
