using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Surveys;
using Finsam.Participants.Domain.Surveys;
using Finsam.Platform.Outbox;
using Finsam.Platform.Storage;

namespace Finsam.Participants.Infrastructure.Surveys;

/// <summary>Survey answers on the document store, each written once with its SurveyAnswered event.</summary>
public sealed class DocumentSurveyAnswers(IDocumentStore store, OutboxSignal outboxSignal) : ISurveyAnswers
{
    private readonly IDocumentCollection<SurveyAnswerDocument> _answers = Collection(store);

    public static IDocumentCollection<SurveyAnswerDocument> Collection(IDocumentStore store) =>
        store.Collection<SurveyAnswerDocument>(SurveyAnswerDocument.CollectionName);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var answers = Collection(store);
        await answers.EnsureIndexAsync(nameof(SurveyAnswerDocument.RequestIdHash), unique: true, cancellationToken);
        await answers.EnsureIndexAsync(nameof(SurveyAnswerDocument.InstrumentId), unique: false, cancellationToken);
        await answers.EnsureIndexAsync(nameof(SurveyAnswerDocument.OutboxPending), unique: false, cancellationToken);
    }

    public async Task AddAsync(SurveyAnswer answer, string requestKey, SurveyAnswered answered, CancellationToken cancellationToken)
    {
        var document = new SurveyAnswerDocument
        {
            Id = answer.Id,
            InsatsId = answer.InsatsId,
            Period = answer.Period.ToString(),
            InstrumentId = answer.InstrumentId,
            InstrumentVersion = answer.InstrumentVersion,
            Answers = new Dictionary<string, string>(answer.Answers, StringComparer.Ordinal),
            RequestIdHash = requestKey,
        };
        document.EnqueueUnlinked(answered);
        try
        {
            await _answers.InsertAsync(document, cancellationToken);
        }
        catch (DuplicateKeyException ex) when (ex.Index == nameof(SurveyAnswerDocument.RequestIdHash))
        {
            throw new SurveyRequestKeyTakenException();
        }

        outboxSignal.Notify();
    }

    public async Task<SurveyAnswer?> FindByRequestKeyAsync(string requestKey, CancellationToken cancellationToken)
    {
        var found = await _answers.FindAsync(a => a.RequestIdHash == requestKey, 1, cancellationToken);
        return found.Count == 0 ? null : ToDomain(found[0]);
    }

    public async Task<IReadOnlyList<SurveyAnswer>> ListAsync(string instrumentId, string? insatsId, CancellationToken cancellationToken)
    {
        var found = insatsId is null
            ? await _answers.FindAsync(a => a.InstrumentId == instrumentId, cancellationToken: cancellationToken)
            : await _answers.FindAsync(a => a.InstrumentId == instrumentId && a.InsatsId == insatsId, cancellationToken: cancellationToken);
        return found.Select(ToDomain).ToList();
    }

    private static SurveyAnswer ToDomain(SurveyAnswerDocument document) => new(
        document.Id,
        document.InsatsId,
        SurveyPeriod.TryParse(document.Period) ?? throw new InvalidOperationException($"Survey answer {document.Id} has a malformed period."),
        document.InstrumentId,
        document.InstrumentVersion,
        new SortedDictionary<string, string>(document.Answers, StringComparer.Ordinal));
}
