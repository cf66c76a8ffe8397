using Finsam.Activities.Application.Evaluations;
using Finsam.Activities.Domain.Evaluations;
using Finsam.IntegrationEvents;
using Finsam.Platform.Outbox;
using Finsam.Platform.Storage;

namespace Finsam.Activities.Infrastructure.Evaluations;

public sealed class DocumentEvaluationRepository(IDocumentStore store, OutboxSignal outboxSignal) : IEvaluationRepository
{
    private readonly IDocumentCollection<EvaluationDocument> _evaluations = store.Collection<EvaluationDocument>(EvaluationDocument.CollectionName);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var evaluations = store.Collection<EvaluationDocument>(EvaluationDocument.CollectionName);
        await evaluations.EnsureIndexAsync(nameof(EvaluationDocument.RequestKey), unique: true, cancellationToken);
        await evaluations.EnsureIndexAsync(nameof(EvaluationDocument.GroupId), unique: false, cancellationToken);
        await evaluations.EnsureIndexAsync(nameof(EvaluationDocument.OutboxPending), unique: false, cancellationToken);
    }

    public async Task AddAsync(Evaluation evaluation, string requestKey, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        var document = new EvaluationDocument
        {
            Id = evaluation.Id,
            GroupId = evaluation.GroupId,
            InsatsId = evaluation.InsatsId,
            Month = evaluation.Month,
            Ratings = [.. evaluation.Ratings],
            RequestKey = requestKey,
        };
        foreach (var integrationEvent in events)
        {
            // Not Enqueue: a time-ordered message id or the request's correlation id would tie the form to the
            // moment it was entered, and through the logs to who entered it.
            document.EnqueueUnlinked(integrationEvent);
        }

        try
        {
            await _evaluations.InsertAsync(document, cancellationToken);
        }
        catch (DuplicateKeyException ex) when (ex.Index == nameof(EvaluationDocument.RequestKey))
        {
            throw new EvaluationRequestKeyTakenException();
        }

        outboxSignal.Notify();
    }

    public async Task<Evaluation?> FindByRequestKeyAsync(string requestKey, CancellationToken cancellationToken) =>
        (await _evaluations.FindAsync(e => e.RequestKey == requestKey, 1, cancellationToken)).Select(ToDomain).FirstOrDefault();

    public async Task<IReadOnlyList<Evaluation>> ListByGroupAsync(string groupId, CancellationToken cancellationToken) =>
        (await _evaluations.FindAsync(e => e.GroupId == groupId, cancellationToken: cancellationToken)).Select(ToDomain).ToList();

    public async Task<int> CountByGroupAsync(string groupId, CancellationToken cancellationToken) =>
        (int)await _evaluations.CountAsync(e => e.GroupId == groupId, cancellationToken);

    private static Evaluation ToDomain(EvaluationDocument document) =>
        new(document.Id, document.GroupId, document.InsatsId, document.Month, document.Ratings);
}
