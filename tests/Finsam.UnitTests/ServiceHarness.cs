using System.Text.Json;
using Finsam.IntegrationEvents;
using Finsam.Platform.Outbox;
using Finsam.Platform.Storage;
using Finsam.Testing;
using Finsam.UnitTests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Finsam.UnitTests;

/// <summary>
/// A service's handlers over a real LiteDB store in a temp folder: the same repositories, indexes, seeds and outbox
/// as in production, with a fixed clock, no network and no broker. Each service's harness says what it registers.
/// </summary>
public abstract class ServiceHarness : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly ServiceProvider _provider;
    private readonly IServiceScope _scope;

    protected ServiceHarness(string service, DateTimeOffset now)
    {
        Clock = new FixedClock(now);
        _directory = new TempDirectory($"finsam-{service}-unit");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IDocumentStore>(_ => StorageServiceCollectionExtensions.CreateStore(
            new StorageOptions { Provider = "LiteDb", LiteDbDirectory = _directory.Path }, service));
        services.AddSingleton<OutboxSignal>();
        // A virtual call from the constructor, on purpose: the derived harness' own fields (e.g. a stand-in for
        // another service) are initialised before this constructor runs, and registering is all it does.
        Register(services);
        _provider = services.BuildServiceProvider();
        _scope = _provider.CreateScope();
    }

    public FixedClock Clock { get; }

    public IDocumentStore Store => _provider.GetRequiredService<IDocumentStore>();

    /// <summary>A handler or repository, resolved in the harness' one scope.</summary>
    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A handler in a scope of its own, as concurrent requests get.</summary>
    public T GetInNewScope<T>() where T : notnull => _provider.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>Events waiting in a collection's outbox, in the order they were written, deserialized.</summary>
    public async Task<IReadOnlyList<IIntegrationEvent>> PendingEventsAsync(string collection)
    {
        var pending = await Store.GetPendingOutboxAsync(collection, 100_000);
        return pending
            // Stable sort: within one instant, the store's order (a document's outbox list is in write order).
            .OrderBy(p => p.Entry.OccurredAt)
            .Select(p => IntegrationEventTypes.TryResolve(p.Entry.MessageType, out var type)
                ? (IIntegrationEvent)JsonSerializer.Deserialize(p.Entry.Payload, type, JsonSerializerOptions.Web)!
                : throw new InvalidOperationException($"Unknown event type {p.Entry.MessageType}"))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        _scope.Dispose();
        await _provider.DisposeAsync();
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The service's application: handlers, repositories, storage initializers.</summary>
    protected abstract void Register(IServiceCollection services);

    /// <summary>Indexes and seeds first, exactly as the service host does before its first request.</summary>
    protected async Task InitializeAsync()
    {
        foreach (var initializer in _provider.GetServices<IHostedService>())
        {
            await initializer.StartAsync(CancellationToken.None);
        }
    }
}
