using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Finsam.Platform.Storage;

public static class StorageInitializerExtensions
{
    /// <summary>
    /// Runs <paramref name="initialize"/> (e.g. creating unique indexes) before the first request is served.
    /// May be called once per feature: each call adds its own initializer. (AddHostedService would keep only
    /// the first, since it de-duplicates by implementation type.)
    /// </summary>
    public static IServiceCollection AddFinsamStorageInitializer(
        this IServiceCollection services,
        Func<IDocumentStore, CancellationToken, Task> initialize) =>
        services.AddSingleton<IHostedService>(provider => new StorageInitializer(provider.GetRequiredService<IDocumentStore>(), initialize));
}

internal sealed class StorageInitializer(IDocumentStore store, Func<IDocumentStore, CancellationToken, Task> initialize) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initialize(store, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
