using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents;

namespace Finsam.Activities.Application.Groups;

/// <summary>The groups' storage port. A group is one aggregate, stored and version-checked as a whole.</summary>
public interface IGroupRepository
{
    /// <summary>Stores a new group and its events in one write. Throws <see cref="GroupRequestIdTakenException"/>.</summary>
    Task AddAsync(Group group, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);

    /// <summary>The group as stored, with <see cref="Group.Version"/> set to the stored version.</summary>
    Task<Group?> GetAsync(string groupId, CancellationToken cancellationToken);

    Task<Group?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken);

    Task<Group?> FindByCalendarTokenAsync(string calendarToken, CancellationToken cancellationToken);

    /// <summary>An insats' groups in id (= scheduling) order after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<Group>> ListByInsatsAsync(string insatsId, string? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Every group the subject leads.</summary>
    Task<IReadOnlyList<Group>> ListByLeaderAsync(string leaderSubject, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the group with its events if the stored version is still <see cref="Group.Version"/>, and then sets
    /// <see cref="Group.Version"/> to the new one. Returns false, writing nothing, when someone changed it first.
    /// </summary>
    Task<bool> TrySaveAsync(Group group, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);
}

public sealed class GroupRequestIdTakenException() : Exception("The request id has already been used.");
