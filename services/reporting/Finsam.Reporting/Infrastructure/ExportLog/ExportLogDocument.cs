using Finsam.Platform.Storage;

namespace Finsam.Reporting.Infrastructure.ExportLog;

/// <summary>
/// One export, under an id from <see cref="Finsam.Reporting.Application.ExportLog.ExportIds"/>: the store's id order is
/// newest first, so paging needs no extra index.
/// </summary>
public sealed class ExportLogDocument : IDocument
{
    public const string CollectionName = "export_log";

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public DateTime ExportTime { get; set; }

    public string Subject { get; set; } = "";

    public string Role { get; set; } = "";

    public string What { get; set; } = "";

    public string? InsatsId { get; set; }

    public string From { get; set; } = "";

    public string To { get; set; } = "";

    public string View { get; set; } = "";

    public int Items { get; set; }
}
