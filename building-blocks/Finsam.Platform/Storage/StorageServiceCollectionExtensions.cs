using Finsam.Platform.Storage.LiteDb;
using Finsam.Platform.Storage.MongoDb;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Finsam.Platform.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the service's own <see cref="IDocumentStore"/>, chosen by Storage:Provider.</summary>
    public static IServiceCollection AddFinsamStorage(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton<IDocumentStore>(_ => CreateStore(options, serviceName));
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", HealthStatus.Unhealthy, ["ready"]);
        return services;
    }

    public static IDocumentStore CreateStore(StorageOptions options, string serviceName)
    {
        switch (options.Provider.Trim().ToLowerInvariant())
        {
            case "litedb":
                Directory.CreateDirectory(options.LiteDbDirectory);
                return new LiteDbDocumentStore(Path.Combine(options.LiteDbDirectory, $"{serviceName}.db"));
            case "mongodb":
                if (string.IsNullOrWhiteSpace(options.MongoConnectionString))
                {
                    throw new InvalidOperationException("Storage:MongoConnectionString is required when Storage:Provider is MongoDb.");
                }

                return new MongoDocumentStore(options.MongoConnectionString, options.MongoDatabase ?? $"finsam-{serviceName}");
            default:
                throw new InvalidOperationException($"Unknown Storage:Provider '{options.Provider}'. Use LiteDb or MongoDb.");
        }
    }
}

internal sealed class StorageHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy(store.Provider);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{store.Provider} unreachable", ex);
        }
    }
}
