using Finsam.Platform.Messaging;
using Finsam.Reporting.Infrastructure.Journal;
using Finsam.Reporting.Infrastructure.ReadModels;

namespace Finsam.Reporting.Infrastructure;

public static class ReportingServiceCollectionExtensions
{
    public const string ServiceName = "reporting";

    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEventJournal();
        services.AddReadModels();
        services.AddReports(configuration);
        services.AddFinsamMessaging(configuration, ServiceName, bus =>
        {
            bus.AddJournalConsumers();
        });
        return services;
    }
}
