using System.Text.Json;
using Finsam.Activities.Infrastructure;
using Finsam.IntegrationEvents;
using Finsam.Platform.Outbox;
using Finsam.Platform.Security;
using Finsam.Platform.Storage;
using Finsam.Testing;
using Finsam.UnitTests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Finsam.UnitTests.Activities;

/// <summary>
/// The activities service's handlers over a real LiteDB store in a temp folder: the same repositories, indexes
/// and outbox as in production, no network and no broker.
/// </summary>
public sealed class ActivitiesHarness : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 09:00 UTC (10:00 in Stockholm).</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new("finsam-activities-unit");
    private readonly ServiceProvider _provider;
    private readonly IServiceScope _scope;

    private ActivitiesHarness()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IDocumentStore>(_ => StorageServiceCollectionExtensions.CreateStore(
            new StorageOptions { Provider = "LiteDb", LiteDbDirectory = _directory.Path }, "activities"));
        services.AddSingleton<OutboxSignal>();
        services.AddActivitiesApplication();
        _provider = services.BuildServiceProvider();
        _scope = _provider.CreateScope();
    }

    public FixedClock Clock { get; } = new(DefaultNow);

    public IDocumentStore Store => _provider.GetRequiredService<IDocumentStore>();

    public static async Task<ActivitiesHarness> StartAsync()
    {
        var harness = new ActivitiesHarness();
        // Indexes (and seeds) first, exactly as the service host does before its first request.
        foreach (var initializer in harness._provider.GetServices<IHostedService>())
        {
            await initializer.StartAsync(CancellationToken.None);
        }

        return harness;
    }

    /// <summary>A handler or repository, resolved in the harness' one scope.</summary>
    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A handler in a scope of its own, as concurrent requests get.</summary>
    public T GetInNewScope<T>() where T : notnull => _provider.CreateScope().ServiceProvider.GetRequiredService<T>();

    public static Caller As(string role, string subject = "tester", string? agency = null, params string[] insatser) =>
        new(subject, role, agency, insatser.ToHashSet());

    /// <summary>Events waiting in a collection's outbox, in the order they were written, deserialized.</summary>
    public async Task<IReadOnlyList<IIntegrationEvent>> PendingEventsAsync(string collection)
    {
        var pending = await Store.GetPendingOutboxAsync(collection, 100_000);
        return pending
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
    }
}
