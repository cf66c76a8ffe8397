using Finsam.Reporting.Application.ReadModels;

namespace Finsam.Reporting.Infrastructure.ReadModels;

public static class ReadModelRegistration
{
    /// <summary>The stored read models, the one projector (and its model) of the service, the rebuild, and the projector's loop.</summary>
    public static IServiceCollection AddReadModels(this IServiceCollection services)
    {
        services.AddSingleton<IReadModelStore, DocumentReadModelStore>();
        services.AddSingleton<ReadModelProjector>();
        services.AddSingleton<ReadModelRebuild>();
        services.AddHostedService<ReadModelProjectionService>();
        return services;
    }
}
