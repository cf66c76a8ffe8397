using Finsam.Activities.Application;
using Finsam.Activities.Domain;
using Finsam.IntegrationEvents;

namespace Finsam.UnitTests.Fakes;

/// <summary>Insatser in a list, listed in ordinal id order like the real stores; request ids unique.</summary>
public sealed class InMemoryInsatsRepository : IInsatsRepository
{
    private readonly List<(Insats Insats, string RequestId)> _stored = [];

    public List<IIntegrationEvent> Events { get; } = [];

    public List<(string? AfterId, int Limit)> ListCalls { get; } = [];

    public IReadOnlyList<(Insats Insats, string RequestId)> Stored => _stored;

    public void Seed(Insats insats) => _stored.Add((insats, "seed:" + insats.Id));

    public Task AddAsync(Insats insats, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        if (_stored.Any(s => s.RequestId == requestId))
        {
            throw new InsatsRequestIdTakenException();
        }

        _stored.Add((insats, requestId));
        Events.AddRange(events);
        return Task.CompletedTask;
    }

    public Task<Insats?> GetAsync(string insatsId, CancellationToken cancellationToken) =>
        Task.FromResult(_stored.Select(s => s.Insats).FirstOrDefault(i => i.Id == insatsId));

    public Task<Insats?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken) =>
        Task.FromResult(_stored.Where(s => s.RequestId == requestId).Select(s => s.Insats).FirstOrDefault());

    public Task<IReadOnlyList<Insats>> ListAsync(string? afterId, int limit, CancellationToken cancellationToken)
    {
        ListCalls.Add((afterId, limit));
        IReadOnlyList<Insats> page = _stored
            .Select(s => s.Insats)
            .Where(i => afterId is null || string.CompareOrdinal(i.Id, afterId) > 0)
            .OrderBy(i => i.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return Task.FromResult(page);
    }
}
