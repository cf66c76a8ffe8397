using Finsam.Platform.Inbox;
using Finsam.Platform.Outbox;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Finsam.Platform.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ with publisher confirms. Queues are named "{service}-{consumer}", so the
    /// dead letters of a consumer land in "{service}-{consumer}_error" (MassTransit's default for a
    /// message that still fails after the retries): nothing is acked and forgotten.
    /// </summary>
    public static IServiceCollection AddFinsamMessaging(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName,
        Action<IBusRegistrationConfigurator>? addConsumers = null)
    {
        var options = configuration.GetSection(RabbitMqOptions.SectionName).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            addConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(options.Host, options.Port, options.VirtualHost, $"finsam-{serviceName}", host =>
                {
                    host.Username(options.Username);
                    host.Password(options.Password);
                    // Publish completes only when the broker has taken the message: the outbox relies on it.
                    host.PublisherConfirmation = true;
                });
                // Outer: a copy whose twin is being handled waits, longer than the inbox lease, then is
                // dropped as a duplicate or takes over an abandoned claim.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Handle<InboxClaimBusyException>();
                    retry.Intervals(250, 1000, 2000, 5000, 10_000, 15_000, 20_000);
                });
                // Inner: short faults (a store hiccup) are retried in place; what still fails goes to _error,
                // and an unprocessable message goes there at once.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Ignore<InboxClaimBusyException>();
                    retry.Ignore<UnprocessableMessageException>();
                    retry.Intervals(100, 500, 2000);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return services;
    }

    /// <summary>
    /// The outbox dispatcher for the given collections: it publishes events stored in their documents
    /// and removes each one once the broker has confirmed it.
    /// </summary>
    public static IServiceCollection AddFinsamOutbox(this IServiceCollection services, params string[] collections)
    {
        services.Configure<OutboxOptions>(options => options.Collections.AddRange(collections));
        services.TryAddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
