using System.Text.Json;
using Finsam.Platform.Storage.LiteDb;
using Finsam.Reporting.Application.ReadModels;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Infrastructure.Journal;
using Finsam.Reporting.Infrastructure.ReadModels;
using Finsam.Testing;
using Finsam.Testing.Reporting;

namespace Finsam.UnitTests.Reporting.Projection;

/// <summary>
/// Reporting's storage over a real LiteDB file, as the service has it: the journal and the stored read models in
/// one store. Can be closed and opened again on the same file, as a restart does.
/// </summary>
internal sealed class ProjectionStore : IDisposable
{
    private readonly TempDirectory _data;

    /// <summary>Opens (or creates) <paramref name="name"/>.db in <paramref name="data"/>; the folder belongs to the test.</summary>
    public ProjectionStore(TempDirectory data, string name = "reporting")
    {
        _data = data;
        Name = name;
        Documents = new LiteDbDocumentStore(Path.Combine(data.Path, name + ".db"));
        Journal = new DocumentEventJournal(Documents);
        ReadModels = new DocumentReadModelStore(Documents);
    }

    public string Name { get; }

    public LiteDbDocumentStore Documents { get; }

    public DocumentEventJournal Journal { get; }

    public DocumentReadModelStore ReadModels { get; }

    /// <summary>Closes the file and opens it again: what a restart of the service sees.</summary>
    public ProjectionStore Reopen()
    {
        Documents.Dispose();
        return new ProjectionStore(_data, Name);
    }

    public async Task InitializeAsync() => await DocumentEventJournal.EnsureIndexesAsync(Documents, TestContext.Current.CancellationToken);

    /// <summary>
    /// Appends the deliveries to the journal in one batch (one append each would cost a disk flush each); a message id
    /// already there is skipped, as a redelivery on the bus is.
    /// </summary>
    public Task<int> AppendAsync(IEnumerable<GeneratedEvent> deliveries) =>
        Journal.AppendManyAsync(deliveries.Select(d => new JournalAppend(d.MessageId, d.Event, d.Event.OccurredAt)).ToList(), TestContext.Current.CancellationToken);

    /// <summary>Every stored entity's JSON by "{kind}:{key}", the checkpoint left out.</summary>
    public async Task<SortedDictionary<string, string>> StoredJsonAsync()
    {
        var documents = await Documents.Collection<ReadModelDocument>(ReadModelDocument.CollectionName)
            .ListAfterAsync(null, int.MaxValue, TestContext.Current.CancellationToken);
        var entities = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in documents.Where(d => d.Id != ReadModelDocument.CheckpointId))
        {
            foreach (var (key, json) in DocumentReadModelStore.Entities(document))
            {
                entities.Add($"{document.Kind}:{key}", System.Text.Encoding.UTF8.GetString(json));
            }
        }

        return entities;
    }

    /// <summary>Every entity of the model as the store would keep it, by "{kind}:{key}".</summary>
    public static SortedDictionary<string, string> ModelJson(ReportingModel model)
    {
        var entities = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var book in model.Books)
        {
            foreach (var key in book.Keys)
            {
                entities.Add($"{book.Kind}:{key}", JsonSerializer.Serialize(book.Get(key), book.EntityType, ReadModelJson.Options));
            }
        }

        return entities;
    }

    public static Task<SortedDictionary<string, string>> ModelJsonAsync(ReadModelProjector projector) =>
        projector.ReadAsync((model, _) => ModelJson(model), TestContext.Current.CancellationToken);

    public void Dispose() => Documents.Dispose();
}
