using System.Text.Json;
using Finsam.Platform.Storage;
using Finsam.Reporting.Application.Frozen;
using Finsam.Reporting.Domain.Reports;

namespace Finsam.Reporting.Infrastructure.Frozen;

public sealed class DocumentFrozenReportStore(IDocumentStore store) : IFrozenReportStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IDocumentCollection<FrozenReportDocument> _reports = store.Collection<FrozenReportDocument>(FrozenReportDocument.CollectionName);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var reports = store.Collection<FrozenReportDocument>(FrozenReportDocument.CollectionName);
        await reports.EnsureIndexAsync(nameof(FrozenReportDocument.ScopeKey), unique: true, cancellationToken);
        await reports.EnsureIndexAsync(nameof(FrozenReportDocument.Year), unique: false, cancellationToken);
    }

    public static string ScopeKeyOf(string? insatsId, int year) => $"{year}/{insatsId ?? "forbund"}";

    public async Task<bool> TryAddAsync(FrozenReport report, CancellationToken cancellationToken)
    {
        try
        {
            await _reports.InsertAsync(new FrozenReportDocument
            {
                Id = report.FrozenReportId,
                ScopeKey = ScopeKeyOf(report.InsatsId, report.Year),
                InsatsId = report.InsatsId,
                Year = report.Year,
                FreezeTime = report.FreezeTime,
                FrozenBy = report.FrozenBy,
                Report = JsonSerializer.Serialize(report.Report, Json),
            }, cancellationToken);
            return true;
        }
        catch (DuplicateKeyException)
        {
            return false;
        }
    }

    public async Task<FrozenReport?> GetAsync(string frozenReportId, CancellationToken cancellationToken)
    {
        var document = await _reports.GetAsync(frozenReportId, cancellationToken);
        return document is null
            ? null
            : new FrozenReport(document.Id, document.InsatsId, document.Year, document.FreezeTime, document.FrozenBy,
                JsonSerializer.Deserialize<AnnualReport>(document.Report, Json)
                ?? throw new InvalidOperationException($"Frozen report {document.Id} has no report."));
    }

    public async Task<IReadOnlyList<FrozenReportHeader>> ListAsync(int year, CancellationToken cancellationToken)
    {
        // A few reports a year: reading them all (without their figures' use) is fine.
        var documents = year == 0
            ? await _reports.FindAsync(_ => true, cancellationToken: cancellationToken)
            : await _reports.FindAsync(d => d.Year == year, cancellationToken: cancellationToken);
        return documents
            .OrderBy(d => d.Year).ThenBy(d => d.InsatsId ?? "", StringComparer.Ordinal)
            .Select(d => new FrozenReportHeader(d.Id, d.InsatsId, d.Year, d.FreezeTime, d.FrozenBy))
            .ToList();
    }
}
