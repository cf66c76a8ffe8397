using Finsam.Activities.Domain;
using Finsam.IntegrationEvents;

namespace Finsam.Activities.Application.Catalogue;

/// <summary>The catalogue's storage port.</summary>
public interface IInsatsRepository
{
    /// <summary>
    /// Stores the insats and its events in one write and returns it with its version. Throws
    /// <see cref="InsatsRequestIdTakenException"/>.
    /// </summary>
    Task<Insats> AddAsync(Insats insats, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);

    /// <summary>The insats as stored, with <see cref="Insats.Version"/> set.</summary>
    Task<Insats?> GetAsync(string insatsId, CancellationToken cancellationToken);

    Task<Insats?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>Insatser in id (= creation) order after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<Insats>> ListAsync(string? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the changed insats and its events in one write if the stored version is still <see cref="Insats.Version"/>;
    /// returns it with its new version, or null (writing nothing) when someone changed it first.
    /// </summary>
    Task<Insats?> TrySaveAsync(Insats insats, string changedBy, DateTime changedAt, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);
}

public sealed class InsatsRequestIdTakenException() : Exception("The request id has already been used.");
