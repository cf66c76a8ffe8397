namespace Finsam.Reporting.Application.ExportLog;

/// <summary>One export: who (subject and role), what, of which scope and period, in which view, when.</summary>
/// <param name="What">"annual-report.csv", "annual-report.html", "participant-rows.csv" or "uppfoljning-finsam".</param>
/// <param name="View">"exact" or "protected".</param>
/// <param name="Items">Tables (CSV), rows (participant rows) or insatser (Uppföljning Finsam) in the export.</param>
public sealed record ExportLogEntry(
    string ExportId,
    DateTime ExportTime,
    string Subject,
    string Role,
    string What,
    string? InsatsId,
    DateOnly From,
    DateOnly To,
    string View,
    int Items);
