using Finsam.Activities.Domain;
using Finsam.IntegrationEvents;

namespace Finsam.Activities.Application;

/// <summary>The catalogue's storage port.</summary>
public interface IInsatsRepository
{
    /// <summary>Stores the insats and its events in one write. Throws <see cref="InsatsRequestIdTakenException"/>.</summary>
    Task AddAsync(Insats insats, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);

    Task<Insats?> GetAsync(string insatsId, CancellationToken cancellationToken);

    Task<Insats?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>Insatser in id (= creation) order after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<Insats>> ListAsync(string? afterId, int limit, CancellationToken cancellationToken);
}

public sealed class InsatsRequestIdTakenException() : Exception("The request id has already been used.");
