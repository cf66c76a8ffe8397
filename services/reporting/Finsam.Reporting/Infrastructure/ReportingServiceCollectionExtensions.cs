using Finsam.Platform.Messaging;
using Finsam.Platform.Storage;
using Finsam.Reporting.Application;

namespace Finsam.Reporting.Infrastructure;

public static class ReportingServiceCollectionExtensions
{
    public const string ServiceName = "reporting";

    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IParticipantFactsStore, DocumentParticipantFactsStore>();
        services.AddScoped<ParticipantRegisteredProjection>();
        services.AddFinsamStorageInitializer(DocumentParticipantFactsStore.EnsureIndexesAsync);
        services.AddFinsamMessaging(configuration, ServiceName, bus => bus.AddConsumer<ParticipantRegisteredConsumer>());
        return services;
    }
}
