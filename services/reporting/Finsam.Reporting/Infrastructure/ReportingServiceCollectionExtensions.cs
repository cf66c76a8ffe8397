using Finsam.Platform.Messaging;
using Finsam.Platform.Storage;
using Finsam.Reporting.Application;
using Finsam.Reporting.Infrastructure.Journal;

namespace Finsam.Reporting.Infrastructure;

public static class ReportingServiceCollectionExtensions
{
    public const string ServiceName = "reporting";

    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IParticipantFactsStore, DocumentParticipantFactsStore>();
        services.AddScoped<ParticipantRegisteredProjection>();
        services.AddFinsamStorageInitializer(DocumentParticipantFactsStore.EnsureIndexesAsync);
        services.AddEventJournal();
        services.AddFinsamMessaging(configuration, ServiceName, bus =>
        {
            bus.AddConsumer<ParticipantRegisteredConsumer>();
            bus.AddJournalConsumers();
        });
        return services;
    }
}
