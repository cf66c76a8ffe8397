using Finsam.Activities.Application;
using Finsam.Activities.Domain;
using Finsam.IntegrationEvents;
using Finsam.Platform.Outbox;
using Finsam.Platform.Storage;

namespace Finsam.Activities.Infrastructure;

public sealed class DocumentInsatsRepository(IDocumentStore store, OutboxSignal outboxSignal) : IInsatsRepository
{
    private readonly IDocumentCollection<InsatsDocument> _insatser = store.Collection<InsatsDocument>(InsatsDocument.CollectionName);
    private readonly OutboxWrites<InsatsDocument> _writes = new(store.Collection<InsatsDocument>(InsatsDocument.CollectionName), outboxSignal);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var insatser = store.Collection<InsatsDocument>(InsatsDocument.CollectionName);
        await insatser.EnsureIndexAsync(nameof(InsatsDocument.RequestId), unique: true, cancellationToken);
        await insatser.EnsureIndexAsync(nameof(InsatsDocument.OutboxPending), unique: false, cancellationToken);
    }

    public async Task AddAsync(Insats insats, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        var document = new InsatsDocument
        {
            Id = insats.Id,
            Name = insats.Name,
            Kind = CatalogueHandlers.KindName(insats.Kind),
            BudgetedPlaces = insats.BudgetedPlaces,
            PlanDeadlineDays = insats.PlanDeadlineDays,
            DefinedAt = insats.DefinedAt,
            RequestId = requestId,
        };
        await _writes.InsertWithEventsAsync(
            document,
            events,
            duplicate => duplicate.Index == nameof(InsatsDocument.RequestId) ? new InsatsRequestIdTakenException() : null,
            cancellationToken);
    }

    public async Task<Insats?> GetAsync(string insatsId, CancellationToken cancellationToken) =>
        ToDomain(await _insatser.GetAsync(insatsId, cancellationToken));

    public async Task<Insats?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken) =>
        ToDomain((await _insatser.FindAsync(i => i.RequestId == requestId, 1, cancellationToken)).FirstOrDefault());

    public async Task<IReadOnlyList<Insats>> ListAsync(string? afterId, int limit, CancellationToken cancellationToken) =>
        (await _insatser.ListAfterAsync(afterId, limit, cancellationToken)).Select(d => ToDomain(d)!).ToList();

    private static Insats? ToDomain(InsatsDocument? document) => document is null
        ? null
        : new Insats(
            document.Id,
            document.Name,
            document.Kind switch
            {
                "individual" => InsatsKind.Individual,
                "group-course" => InsatsKind.GroupCourse,
                "structural" => InsatsKind.Structural,
                _ => InsatsKind.CountOnly,
            },
            document.BudgetedPlaces,
            DateTime.SpecifyKind(document.DefinedAt.ToUniversalTime(), DateTimeKind.Utc),
            document.PlanDeadlineDays);
}
