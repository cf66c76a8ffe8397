using Finsam.Testing;

namespace Finsam.IntegrationTests;

/// <summary>Gives each test class its own virtual host on the real RabbitMQ, created before and removed after.</summary>
public abstract class BrokerTest : IAsyncLifetime
{
    protected RabbitMqTestVirtualHost Broker { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Broker = await RabbitMqTestVirtualHost.CreateAsync();

    public async ValueTask DisposeAsync() => await Broker.DisposeAsync();
}
