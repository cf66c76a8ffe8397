using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Time;
using Finsam.Reporting.Application.Access;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Protection;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Application.Reports;

/// <summary>The annual (or period) report for a caller: access, then validation, then the figures in the caller's view.</summary>
public sealed class AnnualReports(IReportingModelReader reader, ReportSettings settings, TimeProvider clock)
{
    /// <summary>Insats ids are catalogue ids (UUIDs or slugs); anything longer or stranger can't be one.</summary>
    private const int MaxInsatsIdLength = 100;

    public async Task<(AnnualReport Report, ReportViewKind View, ReportPeriod Period)> GetAsync(Caller caller, ReportQuery query, CancellationToken cancellationToken)
    {
        var view = ReportingAccess.ResolveView(caller, query.Scope, query.View);
        var period = ParsePeriod(query);
        var exact = await BuildExactAsync(query.Scope, period, cancellationToken);
        return (view == ReportViewKind.Protected ? SmallNumberProtection.Protect(exact) : exact, view, period);
    }

    /// <summary>The exact report of a scope and period, checked against the data (unknown insats, a period without data: 400).</summary>
    public Task<AnnualReport> BuildExactAsync(string? insatsId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var today = SwedishCalendar.Today(clock);
        return reader.ReadAsync(
            (model, asOf) => AnnualReportBuilder.Build(
                new ReportInput(model, insatsId, period, settings), asOf, CheckAgainstData(model, insatsId, period, today), today),
            cancellationToken);
    }

    /// <summary>The same checks as a report (unknown insats, a period without data: 400) without computing one.</summary>
    public Task CheckAsync(string? insatsId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var today = SwedishCalendar.Today(clock);
        return reader.ReadAsync((model, _) => CheckAgainstData(model, insatsId, period, today), cancellationToken);
    }

    /// <summary>Refuses a scope or period the data can't answer; returns the first day the scope's data covers.</summary>
    private static DateOnly? CheckAgainstData(ReportingModel model, string? insatsId, ReportPeriod period, DateOnly today)
    {
        var violations = new List<FieldViolation>();
        var dataFrom = ReportPeriodRequest.CheckAgainstData(model, insatsId, period, today, violations);
        ValidationFailedException.ThrowIfAny(violations);
        return dataFrom;
    }

    /// <summary>The period the query names, or a 400 naming the field; the insats id's form is checked here too.</summary>
    public static ReportPeriod ParsePeriod(ReportQuery query)
    {
        var violations = new List<FieldViolation>();
        if (query.Scope is { Length: > MaxInsatsIdLength })
        {
            violations.Add(new FieldViolation("insats_id", $"Ett insats-id har högst {MaxInsatsIdLength} tecken."));
        }

        var period = ReportPeriodRequest.Parse(query.Year, query.From, query.To, violations);
        ValidationFailedException.ThrowIfAny(violations);
        return period!;
    }
}
