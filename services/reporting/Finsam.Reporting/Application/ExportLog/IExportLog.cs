namespace Finsam.Reporting.Application.ExportLog;

/// <summary>
/// The log of every export (who, what, when). Append-only: an export is written here before its file is returned,
/// so a file never leaves without a line. Kept as long as the access log (issue 7 sets the retention).
/// </summary>
public interface IExportLog
{
    Task AppendAsync(ExportLogEntry entry, CancellationToken cancellationToken);

    /// <summary>Newest first; <paramref name="pageToken"/> from the previous page (null: the newest).</summary>
    Task<(IReadOnlyList<ExportLogEntry> Entries, string? NextPageToken)> ListAsync(int pageSize, string? pageToken, CancellationToken cancellationToken);
}
