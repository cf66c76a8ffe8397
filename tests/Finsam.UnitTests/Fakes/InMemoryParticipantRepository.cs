using Finsam.IntegrationEvents;
using Finsam.Participants.Application;
using Finsam.Participants.Domain;

namespace Finsam.UnitTests.Fakes;

/// <summary>
/// Keeps participants in a list and enforces the same uniqueness the real stores do (personnummer,
/// request id). Records the events each add was given.
/// </summary>
public sealed class InMemoryParticipantRepository : IParticipantRepository
{
    private readonly List<(Participant Participant, string RequestId)> _stored = [];

    public List<IIntegrationEvent> Events { get; } = [];

    /// <summary>Number of FindByRequestIdAsync calls that answer "not found" regardless, to simulate a concurrent retry.</summary>
    public int MissRequestIdLookups { get; set; }

    public int AddCalls { get; private set; }

    public IReadOnlyList<(Participant Participant, string RequestId)> Stored => _stored;

    public Task AddAsync(Participant participant, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        AddCalls++;
        if (_stored.Any(s => s.RequestId == requestId))
        {
            throw new RequestIdTakenException();
        }

        if (_stored.Any(s => s.Participant.Personnummer.Value == participant.Personnummer.Value))
        {
            throw new PersonnummerTakenException();
        }

        _stored.Add((participant, requestId));
        Events.AddRange(events);
        return Task.CompletedTask;
    }

    public Task<Participant?> GetAsync(string participantId, CancellationToken cancellationToken) =>
        Task.FromResult(_stored.Select(s => s.Participant).FirstOrDefault(p => p.Id == participantId));

    public Task<Participant?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken)
    {
        if (MissRequestIdLookups > 0)
        {
            MissRequestIdLookups--;
            return Task.FromResult<Participant?>(null);
        }

        return Task.FromResult(_stored.Where(s => s.RequestId == requestId).Select(s => s.Participant).FirstOrDefault());
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)_stored.Count);
}
