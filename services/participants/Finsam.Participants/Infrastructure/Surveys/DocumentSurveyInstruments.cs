using Finsam.Participants.Application.Surveys;
using Finsam.Participants.Domain.Surveys;
using Finsam.Platform.Storage;
using static Finsam.Participants.Infrastructure.DocumentMapping;

namespace Finsam.Participants.Infrastructure.Surveys;

/// <summary>Instrument versions on the document store; inserts only, so a stored version can't change.</summary>
public sealed class DocumentSurveyInstruments(IDocumentStore store) : ISurveyInstruments
{
    private readonly IDocumentCollection<SurveyInstrumentDocument> _instruments = Collection(store);

    public static IDocumentCollection<SurveyInstrumentDocument> Collection(IDocumentStore store) =>
        store.Collection<SurveyInstrumentDocument>(SurveyInstrumentDocument.CollectionName);

    public static Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        Collection(store).EnsureIndexAsync(nameof(SurveyInstrumentDocument.InstrumentId), unique: false, cancellationToken);

    public async Task<IReadOnlyList<SurveyInstrument>> ListLatestAsync(CancellationToken cancellationToken) =>
        (await _instruments.FindAsync(_ => true, cancellationToken: cancellationToken))
            .GroupBy(d => d.InstrumentId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(d => d.InstrumentVersion)!)
            .OrderBy(d => d.InstrumentId, StringComparer.Ordinal)
            .Select(ToDomain)
            .ToList();

    public async Task<IReadOnlyList<SurveyInstrument>> ListVersionsAsync(string instrumentId, CancellationToken cancellationToken) =>
        (await _instruments.FindAsync(d => d.InstrumentId == instrumentId, cancellationToken: cancellationToken))
            .OrderBy(d => d.InstrumentVersion)
            .Select(ToDomain)
            .ToList();

    public async Task<SurveyInstrument?> GetAsync(string instrumentId, int? version, CancellationToken cancellationToken)
    {
        if (version is { } exact)
        {
            var document = await _instruments.GetAsync(SurveyInstrumentDocument.IdOf(instrumentId, exact), cancellationToken);
            return document is null ? null : ToDomain(document);
        }

        var versions = await ListVersionsAsync(instrumentId, cancellationToken);
        return versions.Count == 0 ? null : versions[^1];
    }

    public async Task AddAsync(SurveyInstrument instrument, CancellationToken cancellationToken)
    {
        try
        {
            await _instruments.InsertAsync(ToDocument(instrument), cancellationToken);
        }
        catch (DuplicateKeyException ex) when (ex.Index == "_id")
        {
            throw new SurveyInstrumentVersionTakenException();
        }
    }

    public static SurveyInstrumentDocument ToDocument(SurveyInstrument instrument) => new()
    {
        Id = SurveyInstrumentDocument.IdOf(instrument.InstrumentId, instrument.Version),
        InstrumentId = instrument.InstrumentId,
        InstrumentVersion = instrument.Version,
        Name = instrument.Name,
        Questions = instrument.Questions.Select(q => new SurveyQuestionDocument
        {
            Code = q.Code,
            Text = q.Text,
            Options = q.Options.Select(o => new SurveyOptionDocument { Code = o.Code, Label = o.Label }).ToList(),
        }).ToList(),
        DefinedAt = instrument.DefinedAt,
        DefinedBy = instrument.DefinedBy is { } actor ? DocumentMapping.ToDocument(actor) : null,
    };

    private static SurveyInstrument ToDomain(SurveyInstrumentDocument document) => new(
        document.InstrumentId,
        document.InstrumentVersion,
        document.Name,
        document.Questions.Select(q => new SurveyQuestion(q.Code, q.Text, q.Options.Select(o => new SurveyOption(o.Code, o.Label)).ToList())).ToList(),
        document.DefinedAt is { } at ? Utc(at) : null,
        document.DefinedBy is { } actor ? DocumentMapping.ToDomain(actor) : null);
}
