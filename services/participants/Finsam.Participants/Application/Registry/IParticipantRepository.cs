using Finsam.IntegrationEvents;
using Finsam.Participants.Domain;

namespace Finsam.Participants.Application.Registry;

/// <summary>The participants' storage port. Adapters: LiteDB and MongoDB, through the platform's document store.</summary>
public interface IParticipantRepository
{
    /// <summary>
    /// Stores the participant and its events in one atomic write.
    /// Throws <see cref="PersonnummerTakenException"/> or <see cref="RequestIdTakenException"/>.
    /// </summary>
    Task AddAsync(Participant participant, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the changed participant and its events in one atomic write if nobody changed it since it was
    /// read (its <see cref="Participant.Version"/>); otherwise throws <see cref="Platform.Errors.ConcurrencyConflictException"/>.
    /// </summary>
    Task SaveAsync(Participant participant, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);

    Task<Participant?> GetAsync(string participantId, CancellationToken cancellationToken);

    /// <summary>The participant created by an earlier request with this id, if any.</summary>
    Task<Participant?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>By the 12-digit number.</summary>
    Task<Participant?> FindByPersonnummerAsync(string personnummer, CancellationToken cancellationToken);

    /// <summary>Participants in id order after <paramref name="afterId"/>, for paging through everyone (gallring).</summary>
    Task<IReadOnlyList<Participant>> ListAfterAsync(string? afterId, int limit, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);
}

public sealed class PersonnummerTakenException() : Exception("The personnummer is already registered.");

public sealed class RequestIdTakenException() : Exception("The request id has already been used.");
