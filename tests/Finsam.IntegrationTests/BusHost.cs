using Finsam.Platform.Messaging;
using Finsam.Platform.Storage;
using Finsam.Platform.Storage.LiteDb;
using Finsam.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Finsam.IntegrationTests;

/// <summary>
/// A generic host wired like a service (the platform's messaging, a LiteDB store, optional outbox) on the
/// real RabbitMQ, inside a private virtual host. Several hosts can share one vhost, as services share a broker.
/// </summary>
public sealed class BusHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TempDirectory _data = new("finsam-it");

    public BusHost(
        RabbitMqTestVirtualHost broker,
        string serviceName,
        Action<IBusRegistrationConfigurator>? consumers = null,
        Action<IServiceCollection>? services = null,
        int? brokerPort = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(broker.Settings(brokerPort));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        Store = new LiteDbDocumentStore(Path.Combine(_data.Path, $"{serviceName}.db"));
        builder.Services.AddSingleton<IDocumentStore>(Store);
        builder.Services.AddFinsamMessaging(builder.Configuration, serviceName, consumers);
        services?.Invoke(builder.Services);
        _host = builder.Build();
    }

    public LiteDbDocumentStore Store { get; }

    public IServiceProvider Services => _host.Services;

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public async Task StartAsync()
    {
        await _host.StartAsync();
        // Wait until the bus is connected and its endpoints are bound, so nothing published next is dropped.
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, ready.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Store.Dispose();
        _data.Dispose();
    }
}
