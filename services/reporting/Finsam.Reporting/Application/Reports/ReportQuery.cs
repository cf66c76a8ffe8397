using Finsam.Reporting.Application.Access;

namespace Finsam.Reporting.Application.Reports;

/// <summary>What a caller asks a report for: a scope (an insats, or null for the förbund), a year or a period, a view.</summary>
/// <param name="View">Null: the most the caller may see.</param>
public sealed record ReportQuery(string? InsatsId, int Year, string? From, string? To, ReportViewKind? View)
{
    /// <summary>An empty insats id (proto3's absent string) means the förbund.</summary>
    public string? Scope => string.IsNullOrEmpty(InsatsId) ? null : InsatsId;
}
