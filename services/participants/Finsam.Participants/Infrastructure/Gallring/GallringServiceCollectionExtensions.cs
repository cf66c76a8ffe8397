using Finsam.Participants.Application.Gallring;

namespace Finsam.Participants.Infrastructure.Gallring;

public static class GallringServiceCollectionExtensions
{
    /// <summary>Rules, runs and the handlers. Stays and identifying-data holders are registered by their features.</summary>
    public static IServiceCollection AddGallring(this IServiceCollection services)
    {
        services.AddSingleton<IGallringStore, DocumentGallringStore>();
        services.AddScoped<GallringHandlers>();
        return services;
    }
}
