using Finsam.Activities.Application.Catalogue;
using Finsam.Activities.Domain;
using Finsam.IntegrationEvents;
using Finsam.Platform.Outbox;
using Finsam.Platform.Storage;
using Finsam.Platform.Time;

namespace Finsam.Activities.Infrastructure.Catalogue;

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

    public async Task<Insats> AddAsync(Insats insats, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        var document = new InsatsDocument
        {
            Id = insats.Id,
            Kind = CatalogueHandlers.KindName(insats.Kind),
            DefinedAt = insats.DefinedAt,
            RequestId = requestId,
        };
        CopyFacts(insats, document);
        var version = await _writes.InsertWithEventsAsync(
            document,
            events,
            duplicate => duplicate.Index == nameof(InsatsDocument.RequestId) ? new InsatsRequestIdTakenException() : null,
            cancellationToken);
        return insats with { Version = version };
    }

    public async Task<Insats?> GetAsync(string insatsId, CancellationToken cancellationToken) =>
        ToDomain(await _insatser.GetAsync(insatsId, cancellationToken));

    public async Task<Insats?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken) =>
        ToDomain((await _insatser.FindAsync(i => i.RequestId == requestId, 1, cancellationToken)).FirstOrDefault());

    public async Task<IReadOnlyList<Insats>> ListAsync(string? afterId, int limit, CancellationToken cancellationToken) =>
        (await _insatser.ListAfterAsync(afterId, limit, cancellationToken)).Select(d => ToDomain(d)!).ToList();

    public async Task<Insats?> TrySaveAsync(
        Insats insats, string changedBy, DateTime changedAt, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            var version = await _writes.ReplaceWithEventsAsync(
                insats.Id,
                insats.Version,
                document =>
                {
                    CopyFacts(insats, document);
                    document.ChangedBy = changedBy;
                    document.ChangedAt = changedAt;
                },
                events,
                () => new StaleInsatsException(),
                cancellationToken);
            return insats with { Version = version };
        }
        catch (StaleInsatsException)
        {
            return null;
        }
    }

    // The kind, the definition time and the request id are set once; everything else is a changeable fact.
    private static void CopyFacts(Insats insats, InsatsDocument document)
    {
        document.Name = insats.Name;
        document.BudgetedPlaces = insats.BudgetedPlaces;
        document.FollowUpPlaces = insats.FollowUpPlaces;
        document.PlanDeadlineDays = insats.PlanDeadlineDays;
        document.TargetGroup = insats.TargetGroup;
        document.WorkOrStudiesPercent = insats.OutcomeTargets.WorkOrStudiesPercent;
        document.EnrolmentTarget = insats.OutcomeTargets.EnrolmentTarget;
        document.GenderBalanceMinPercent = insats.OutcomeTargets.GenderBalanceMinPercent;
        document.StartDate = insats.StartDate is { } start ? IsoDates.ToIso(start) : null;
        document.EndDate = insats.EndDate is { } end ? IsoDates.ToIso(end) : null;
    }

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
            document.PlanDeadlineDays)
        {
            FollowUpPlaces = document.FollowUpPlaces,
            TargetGroup = document.TargetGroup ?? "",
            OutcomeTargets = new OutcomeTargets(document.WorkOrStudiesPercent, document.EnrolmentTarget, document.GenderBalanceMinPercent),
            StartDate = IsoDates.FromIsoOrNull(document.StartDate),
            EndDate = IsoDates.FromIsoOrNull(document.EndDate),
            Version = document.Version,
        };

    // Only to carry "someone was first" out of OutboxWrites, whose conflict is an exception; the port says null.
    private sealed class StaleInsatsException : Exception;
}
