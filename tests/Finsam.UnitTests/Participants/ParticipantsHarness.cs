using System.Text.Json;
using Finsam.IntegrationEvents;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Catalogue;
using Finsam.Participants.Infrastructure;
using Finsam.Platform.Outbox;
using Finsam.Platform.Security;
using Finsam.Platform.Storage;
using Finsam.Testing;
using Finsam.UnitTests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Finsam.UnitTests.Participants;

/// <summary>
/// The participants service's handlers over a real LiteDB store in a temp folder: the same repositories,
/// indexes and outbox as in production, no network. Only the activities catalogue is stood in for
/// (<see cref="Catalogue"/>), since it belongs to another service.
/// </summary>
public sealed class ParticipantsHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new("finsam-participants-unit");
    private readonly ServiceProvider _provider;
    private readonly IServiceScope _scope;

    private ParticipantsHarness()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IDocumentStore>(_ => StorageServiceCollectionExtensions.CreateStore(
            new StorageOptions { Provider = "LiteDb", LiteDbDirectory = _directory.Path }, "participants"));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IInsatsCatalogue>(Catalogue);
        services.AddParticipantsApplication();
        _provider = services.BuildServiceProvider();
        _scope = _provider.CreateScope();
    }

    public FixedClock Clock { get; } = new(DefaultNow);

    public InMemoryInsatsCatalogue Catalogue { get; } = new();

    public IDocumentStore Store => _provider.GetRequiredService<IDocumentStore>();

    public static async Task<ParticipantsHarness> StartAsync()
    {
        var harness = new ParticipantsHarness();
        // Indexes first, exactly as the service host does before its first request.
        foreach (var initializer in harness._provider.GetServices<IHostedService>())
        {
            await initializer.StartAsync(CancellationToken.None);
        }

        return harness;
    }

    /// <summary>A handler or repository, resolved in the harness' one scope.</summary>
    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public static AccessContext As(string role, string subject = "tester", string? agency = null, params string[] insatser) =>
        new(new Caller(subject, role, agency, insatser.ToHashSet()), AccessPurposes.Handlaggning);

    /// <summary>Events waiting in a collection's outbox, in the order they were written, deserialized.</summary>
    public async Task<IReadOnlyList<IIntegrationEvent>> PendingEventsAsync(string collection)
    {
        var pending = await Store.GetPendingOutboxAsync(collection, 10_000);
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
    }
}

/// <summary>The activities catalogue as the test defines it.</summary>
public sealed class InMemoryInsatsCatalogue : IInsatsCatalogue
{
    private readonly Dictionary<string, InsatsInfo> _insatser = new(StringComparer.Ordinal);

    public InsatsInfo Add(string id, int budgetedPlaces = 10, string kind = "individual", int? planDeadlineDays = null)
    {
        var insats = new InsatsInfo(id, $"Insats {id}", kind, budgetedPlaces, planDeadlineDays);
        _insatser[id] = insats;
        return insats;
    }

    public Task<InsatsInfo?> GetAsync(string insatsId, CancellationToken cancellationToken) =>
        Task.FromResult(_insatser.GetValueOrDefault(insatsId));
}
