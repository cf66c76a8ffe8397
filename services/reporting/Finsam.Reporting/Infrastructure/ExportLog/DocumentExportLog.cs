using Finsam.Platform.Storage;
using Finsam.Platform.Time;
using Finsam.Reporting.Application.ExportLog;

namespace Finsam.Reporting.Infrastructure.ExportLog;

public sealed class DocumentExportLog(IDocumentStore store) : IExportLog
{
    private readonly IDocumentCollection<ExportLogDocument> _log = store.Collection<ExportLogDocument>(ExportLogDocument.CollectionName);

    public Task AppendAsync(ExportLogEntry entry, CancellationToken cancellationToken) =>
        _log.InsertAsync(new ExportLogDocument
        {
            Id = entry.ExportId,
            ExportTime = entry.ExportTime,
            Subject = entry.Subject,
            Role = entry.Role,
            What = entry.What,
            InsatsId = entry.InsatsId,
            From = IsoDates.ToIso(entry.From),
            To = IsoDates.ToIso(entry.To),
            View = entry.View,
            Items = entry.Items,
        }, cancellationToken);

    public async Task<(IReadOnlyList<ExportLogEntry> Entries, string? NextPageToken)> ListAsync(int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        // One more than asked tells whether there is a next page without a second query.
        var documents = await _log.ListAfterAsync(pageToken, pageSize + 1, cancellationToken);
        var page = documents.Take(pageSize).ToList();
        var next = documents.Count > pageSize ? page[^1].Id : null;
        return (page.Select(d => new ExportLogEntry(d.Id, d.ExportTime, d.Subject, d.Role, d.What, d.InsatsId,
            IsoDates.FromIso(d.From), IsoDates.FromIso(d.To), d.View, d.Items)).ToList(), next);
    }
}
