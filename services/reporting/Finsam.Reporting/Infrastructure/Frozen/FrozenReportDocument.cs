using Finsam.Platform.Storage;

namespace Finsam.Reporting.Infrastructure.Frozen;

/// <summary>
/// One frozen report. <see cref="ScopeKey"/> ("2025/forbund" or "2025/{insatsId}") has a unique index: that is what
/// makes a second freeze of the same year and scope fail, whichever instance tries.
/// </summary>
public sealed class FrozenReportDocument : IDocument
{
    public const string CollectionName = "frozen_reports";

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string ScopeKey { get; set; } = "";

    public string? InsatsId { get; set; }

    public int Year { get; set; }

    public DateTime FreezeTime { get; set; }

    public string FrozenBy { get; set; } = "";

    /// <summary>The exact report as System.Text.Json of the domain record: read back as it was frozen.</summary>
    public string Report { get; set; } = "";
}
