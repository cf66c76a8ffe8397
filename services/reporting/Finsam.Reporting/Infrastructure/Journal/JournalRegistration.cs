using Finsam.IntegrationEvents;
using Finsam.Platform.Storage;
using Finsam.Reporting.Application.Journal;
using Finsam.Reporting.Application.ReadModels;
using MassTransit;

namespace Finsam.Reporting.Infrastructure.Journal;

public static class JournalRegistration
{
    /// <summary>All journal consumers share this queue (and its _error queue).</summary>
    public const string EndpointName = "reporting-journal";

    /// <summary>The journal store and its indexes, and the signal its consumers give the projector after an append.</summary>
    public static IServiceCollection AddEventJournal(this IServiceCollection services)
    {
        services.AddSingleton<IEventJournal, DocumentEventJournal>();
        services.AddSingleton<JournalAppended>();
        services.AddFinsamStorageInitializer(DocumentEventJournal.EnsureIndexesAsync);
        return services;
    }

    /// <summary>
    /// A <see cref="JournalConsumer{TEvent}"/> for every integration event type, all on ONE endpoint: one queue bound
    /// to every event exchange. One message at a time, so the sequence follows the queue's order (a replay sees events
    /// as they arrived) and a page read never skips an append still in flight in this instance.
    /// </summary>
    public static void AddJournalConsumers(this IBusRegistrationConfigurator bus)
    {
        foreach (var eventType in IntegrationEventTypes.All.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            bus.AddConsumer(typeof(JournalConsumer<>).MakeGenericType(eventType))
                .Endpoint(e =>
                {
                    e.Name = EndpointName;
                    e.ConcurrentMessageLimit = 1;
                });
        }
    }
}
