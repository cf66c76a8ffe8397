using System.Text.Json;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents;
using Finsam.Platform.Outbox;
using Finsam.Platform.Storage;

namespace Finsam.Activities.Infrastructure.Groups;

public sealed class DocumentGroupRepository(IDocumentStore store, OutboxSignal outboxSignal) : IGroupRepository
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly IDocumentCollection<GroupDocument> _groups = store.Collection<GroupDocument>(GroupDocument.CollectionName);
    private readonly OutboxWrites<GroupDocument> _writes = new(store.Collection<GroupDocument>(GroupDocument.CollectionName), outboxSignal);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var groups = store.Collection<GroupDocument>(GroupDocument.CollectionName);
        await groups.EnsureIndexAsync(nameof(GroupDocument.RequestId), unique: true, cancellationToken);
        await groups.EnsureIndexAsync(nameof(GroupDocument.CalendarToken), unique: true, cancellationToken);
        await groups.EnsureIndexAsync(nameof(GroupDocument.InsatsId), unique: false, cancellationToken);
        await groups.EnsureIndexAsync(nameof(GroupDocument.LeaderSubjects), unique: false, cancellationToken);
        await groups.EnsureIndexAsync(nameof(GroupDocument.OutboxPending), unique: false, cancellationToken);
    }

    public async Task AddAsync(Group group, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        var document = new GroupDocument { Id = group.Id, RequestId = requestId };
        Apply(group, document);
        group.Version = await _writes.InsertWithEventsAsync(
            document,
            events,
            duplicate => duplicate.Index == nameof(GroupDocument.RequestId) ? new GroupRequestIdTakenException() : null,
            cancellationToken);
    }

    public async Task<Group?> GetAsync(string groupId, CancellationToken cancellationToken) =>
        ToDomain(await _groups.GetAsync(groupId, cancellationToken));

    public async Task<Group?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken) =>
        ToDomain((await _groups.FindAsync(g => g.RequestId == requestId, 1, cancellationToken)).FirstOrDefault());

    public async Task<Group?> FindByCalendarTokenAsync(string calendarToken, CancellationToken cancellationToken) =>
        ToDomain((await _groups.FindAsync(g => g.CalendarToken == calendarToken, 1, cancellationToken)).FirstOrDefault());

    public async Task<IReadOnlyList<Group>> ListByInsatsAsync(string insatsId, string? afterId, int limit, CancellationToken cancellationToken)
    {
        // An insats runs tens of groups a year, not thousands: paging in memory over the indexed match is enough.
        var found = await _groups.FindAsync(g => g.InsatsId == insatsId, int.MaxValue, cancellationToken);
        return found
            .Where(g => afterId is null || string.CompareOrdinal(g.Id, afterId) > 0)
            .OrderBy(g => g.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(d => ToDomain(d)!)
            .ToList();
    }

    public async Task<IReadOnlyList<Group>> ListByLeaderAsync(string leaderSubject, CancellationToken cancellationToken) =>
        (await _groups.FindAsync(g => g.LeaderSubjects.Contains(leaderSubject), int.MaxValue, cancellationToken))
        .OrderBy(g => g.Id, StringComparer.Ordinal)
        .Select(d => ToDomain(d)!)
        .ToList();

    public async Task<bool> TrySaveAsync(Group group, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            group.Version = await _writes.ReplaceWithEventsAsync(
                group.Id,
                group.Version,
                document => Apply(group, document),
                events,
                () => new GroupChangedException(),
                cancellationToken);
            return true;
        }
        catch (GroupChangedException)
        {
            return false;
        }
    }

    private static void Apply(Group group, GroupDocument document)
    {
        document.InsatsId = group.InsatsId;
        document.CalendarToken = group.CalendarToken;
        document.LeaderSubjects = [.. group.LeaderSubjects];
        document.State = JsonSerializer.Serialize(group, Json);
    }

    private static Group? ToDomain(GroupDocument? document)
    {
        if (document is null)
        {
            return null;
        }

        var group = JsonSerializer.Deserialize<Group>(document.State, Json)
            ?? throw new InvalidOperationException($"Group {document.Id} has no stored state.");
        group.Version = document.Version;
        return group;
    }

    private sealed class GroupChangedException() : Exception("The group was changed first.");
}
