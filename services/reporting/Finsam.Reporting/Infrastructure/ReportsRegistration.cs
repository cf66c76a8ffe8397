using Finsam.Platform.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Finsam.Reporting.Application.ExportLog;
using Finsam.Reporting.Application.Frozen;
using Finsam.Reporting.Application.Reports;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Infrastructure.ExportLog;
using Finsam.Reporting.Infrastructure.Frozen;

namespace Finsam.Reporting.Infrastructure;

public static class ReportsRegistration
{
    /// <summary>The reports, their exports and the export log, frozen reports, and the report settings (checked at start-up).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = ReportSettingsConfiguration.From(configuration);
        ReportSettingsCheck.ThrowIfUnusable(settings);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AnnualReports>();
        services.AddSingleton<ReportExports>();
        services.AddSingleton<FrozenReports>();
        services.AddSingleton<IFrozenReportStore, DocumentFrozenReportStore>();
        services.AddSingleton<IExportLog, DocumentExportLog>();
        services.AddFinsamStorageInitializer(DocumentFrozenReportStore.EnsureIndexesAsync);
        return services;
    }
}
