using Finsam.Reporting.Application.ReadModels;
using Finsam.Reporting.Application.Reports;

namespace Finsam.Reporting.Infrastructure.ReadModels;

public static class ReadModelRegistration
{
    /// <summary>The stored read models, the one projector (and its model) of the service, which is also the reports' reader, the rebuild, and the projector's loop.</summary>
    public static IServiceCollection AddReadModels(this IServiceCollection services)
    {
        services.AddSingleton<IReadModelStore, DocumentReadModelStore>();
        services.AddSingleton<ReadModelProjector>();
        services.AddSingleton<IReportingModelReader>(provider => provider.GetRequiredService<ReadModelProjector>());
        services.AddSingleton<ReadModelRebuild>();
        services.AddHostedService<ReadModelProjectionService>();
        return services;
    }
}
