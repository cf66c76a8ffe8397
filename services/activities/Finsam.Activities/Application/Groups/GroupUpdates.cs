using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents;
using Finsam.Platform.Errors;

namespace Finsam.Activities.Application.Groups;

/// <summary>
/// Reads a group, applies a change and saves it version-checked. Two kinds of change:
/// <list type="bullet">
/// <item>with an etag (a person editing what they saw: moving a träff, correcting attendance): a group changed
/// since is ABORTED / 409, so nobody overwrites an edit they never saw;</item>
/// <item>without one (booking, recording attendance): a conflict reads the group again and re-applies the change,
/// which re-checks every rule against the new state. This is what makes the last place safe: of concurrent
/// bookings exactly one saves first, the others retry and find the group full.</item>
/// </list>
/// The change throws to refuse (nothing is written) and returns the events to publish with the new state.
/// </summary>
public sealed class GroupUpdates(IGroupRepository groups)
{
    public const string ReasonNotFound = "GROUP_NOT_FOUND";
    public const string ReasonConflict = "GROUP_CHANGED";
    private const int MaxAttempts = 50;

    public async Task<Group> GetAsync(string? groupId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(groupId) || !Guid.TryParse(groupId, out _))
        {
            throw new ValidationFailedException([new FieldViolation("group_id", "Grupp-id saknas eller är ogiltigt.")]);
        }

        return await groups.GetAsync(groupId, cancellationToken)
            ?? throw new NotFoundException(ReasonNotFound, "Gruppen finns inte.");
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the group as read at <paramref name="expectedVersion"/> (the etag the
    /// caller sent, parsed with <see cref="Etags.Parse"/> among the request's other fields).
    /// </summary>
    public async Task<Group> ChangeAsync(
        string? groupId,
        long expectedVersion,
        Func<Group, IReadOnlyList<IIntegrationEvent>> change,
        CancellationToken cancellationToken)
    {
        var group = await GetAsync(groupId, cancellationToken);
        return await ChangeAsync(group, expectedVersion, change, cancellationToken);
    }

    /// <summary>
    /// The same for a group the handler has already read, e.g. to check the caller's access to it and look up
    /// what the change depends on (leaders, their agencies) before changing it: every check then sees the one
    /// state that is saved, and a write in between makes the save fail instead of being overwritten.
    /// </summary>
    public async Task<Group> ChangeAsync(
        Group group,
        long expectedVersion,
        Func<Group, IReadOnlyList<IIntegrationEvent>> change,
        CancellationToken cancellationToken)
    {
        if (group.Version != expectedVersion)
        {
            throw Conflict();
        }

        var events = change(group);
        return await groups.TrySaveAsync(group, events, cancellationToken) ? group : throw Conflict();
    }

    /// <summary>Applies <paramref name="change"/> to the latest group, again on a conflict.</summary>
    public async Task<(Group Group, T Result)> ChangeLatestAsync<T>(
        string? groupId,
        Func<Group, (T Result, IReadOnlyList<IIntegrationEvent> Events)> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var group = await GetAsync(groupId, cancellationToken);
            var (result, events) = change(group);
            if (await groups.TrySaveAsync(group, events, cancellationToken))
            {
                return (group, result);
            }

            if (attempt >= MaxAttempts)
            {
                // Only under a storm of writes to one group; the caller may simply try again.
                throw Conflict();
            }

            await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
        }
    }

    private static ConcurrencyConflictException Conflict() =>
        new(ReasonConflict, "Gruppen har ändrats av någon annan. Läs in den igen och försök på nytt.");
}
