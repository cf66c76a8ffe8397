using Finsam.Activities.Application;
using Finsam.Platform.Messaging;
using Finsam.Platform.Storage;

namespace Finsam.Activities.Infrastructure;

public static class ActivitiesServiceCollectionExtensions
{
    public const string ServiceName = "activities";

    public static IServiceCollection AddActivities(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IInsatsRepository, DocumentInsatsRepository>();
        services.AddScoped<CatalogueHandlers>();
        services.AddFinsamStorageInitializer(DocumentInsatsRepository.EnsureIndexesAsync);
        services.AddFinsamMessaging(configuration, ServiceName);
        services.AddFinsamOutbox(InsatsDocument.CollectionName);
        return services;
    }
}
