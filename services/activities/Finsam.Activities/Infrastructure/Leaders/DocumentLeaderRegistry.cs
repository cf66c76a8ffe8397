using Finsam.Activities.Application.Leaders;
using Finsam.Activities.Domain.Leaders;
using Finsam.Platform.Storage;

namespace Finsam.Activities.Infrastructure.Leaders;

public sealed class DocumentLeaderRegistry(IDocumentStore store) : ILeaderRegistry
{
    private readonly IDocumentCollection<LeaderDocument> _leaders = store.Collection<LeaderDocument>(LeaderDocument.CollectionName);

    public Task UpsertAsync(Leader leader, CancellationToken cancellationToken) =>
        _leaders.UpsertAsync(
            new LeaderDocument
            {
                Id = leader.Subject,
                DisplayName = leader.DisplayName,
                Agency = leader.Agency,
                Qualifications = [.. leader.Qualifications],
                RegisteredAt = leader.RegisteredAt,
            },
            cancellationToken);

    public async Task<Leader?> GetAsync(string subject, CancellationToken cancellationToken) =>
        ToDomain(await _leaders.GetAsync(subject, cancellationToken));

    public async Task<IReadOnlyList<Leader>> ListAsync(string? afterSubject, int limit, CancellationToken cancellationToken) =>
        (await _leaders.ListAfterAsync(afterSubject, limit, cancellationToken)).Select(d => ToDomain(d)!).ToList();

    private static Leader? ToDomain(LeaderDocument? document) => document is null
        ? null
        : new Leader(
            document.Id,
            document.DisplayName,
            document.Agency,
            document.Qualifications,
            DateTime.SpecifyKind(document.RegisteredAt.ToUniversalTime(), DateTimeKind.Utc));
}
