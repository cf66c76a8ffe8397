using Finsam.Platform.Errors;
using Finsam.Platform.Ids;
using Finsam.Platform.Security;
using Finsam.Platform.Time;
using Finsam.Reporting.Application.Access;
using Finsam.Reporting.Application.Reports;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Protection;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Application.Frozen;

/// <summary>
/// Freezing a year's report once it is approved (fastställd), and reading it back. The exact report is kept whole;
/// a reader sees it in their own view, as they would the current one.
/// </summary>
public sealed class FrozenReports(IFrozenReportStore store, AnnualReports reports, TimeProvider clock)
{
    public const string ReasonAlreadyFrozen = "REPORT_ALREADY_FROZEN";
    public const string ReasonYearNotEnded = "YEAR_NOT_ENDED";
    public const string ReasonNotFound = "FROZEN_REPORT_NOT_FOUND";

    public async Task<FrozenReport> FreezeAsync(Caller caller, string? insatsId, int year, CancellationToken cancellationToken)
    {
        ReportingAccess.RequireFreezer(caller);
        var scope = string.IsNullOrEmpty(insatsId) ? null : insatsId;
        if (year == 0)
        {
            throw new ValidationFailedException([new FieldViolation("year", "Ange vilket år som ska fastställas.")]);
        }

        var period = AnnualReports.ParsePeriod(new ReportQuery(scope, year, null, null, null));

        // A year is approved after it has ended; frozen while it runs, its figures would still be moving.
        if (SwedishCalendar.Today(clock) <= period.To)
        {
            throw new PreconditionFailedException(ReasonYearNotEnded, $"År {year} är inte slut än; en rapport fastställs när året är slut.");
        }

        var report = await reports.BuildExactAsync(scope, period, cancellationToken);
        var frozen = new FrozenReport(SequentialIds.Next(), scope, year, clock.GetUtcNow().UtcDateTime, caller.Subject, report);
        if (!await store.TryAddAsync(frozen, cancellationToken))
        {
            throw new AlreadyExistsException(ReasonAlreadyFrozen,
                scope is null ? $"Förbundets rapport för {year} är redan fastställd." : $"Insatsens rapport för {year} är redan fastställd.");
        }

        return frozen;
    }

    /// <summary>The frozen report in the caller's view (protected for those who see only protected figures).</summary>
    public async Task<(FrozenReport Frozen, ReportViewKind View)> GetAsync(Caller caller, string frozenReportId, CancellationToken cancellationToken)
    {
        var frozen = await FindAsync(frozenReportId, cancellationToken);
        var view = ReportingAccess.ResolveView(caller, frozen.InsatsId, null);
        return (view == ReportViewKind.Protected ? frozen with { Report = SmallNumberProtection.Protect(frozen.Report) } : frozen, view);
    }

    /// <summary>The frozen reports of <paramref name="year"/> (0: all) the caller may read.</summary>
    public async Task<IReadOnlyList<FrozenReportHeader>> ListAsync(Caller caller, int year, CancellationToken cancellationToken)
    {
        ReportingAccess.RequireReportReader(caller);
        if (year != 0 && year is < 1990 or > 2200)
        {
            throw new ValidationFailedException([new FieldViolation("year", $"Året {year} är inte ett giltigt rapportår.")]);
        }

        var all = await store.ListAsync(year, cancellationToken);
        return [.. all.Where(header => MayRead(caller, header.InsatsId))];
    }

    /// <summary>
    /// Frozen against current, exact: what corrections since the freeze have moved. Only for those who may see exact
    /// figures — a change of one or two people between two protected reports would publish exactly the small numbers
    /// the protection hides.
    /// </summary>
    public async Task<(FrozenReport Frozen, AnnualReport Current)> CompareAsync(Caller caller, string frozenReportId, CancellationToken cancellationToken)
    {
        var frozen = await FindAsync(frozenReportId, cancellationToken);
        ReportingAccess.ResolveView(caller, frozen.InsatsId, ReportViewKind.Exact);
        var current = await reports.BuildExactAsync(frozen.InsatsId, ReportPeriod.Year(frozen.Year), cancellationToken);
        return (frozen, current);
    }

    private async Task<FrozenReport> FindAsync(string frozenReportId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(frozenReportId, out _))
        {
            throw new ValidationFailedException([new FieldViolation("frozen_report_id", "Ett id för en fastställd rapport är ett UUID.")]);
        }

        return await store.GetAsync(frozenReportId, cancellationToken)
            ?? throw new NotFoundException(ReasonNotFound, "Det finns ingen fastställd rapport med det id:t.");
    }

    private static bool MayRead(Caller caller, string? insatsId)
    {
        try
        {
            ReportingAccess.ResolveView(caller, insatsId, null);
            return true;
        }
        catch (PermissionDeniedException)
        {
            return false;
        }
    }
}
