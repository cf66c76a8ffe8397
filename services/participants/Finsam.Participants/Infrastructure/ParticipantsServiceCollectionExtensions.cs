using Finsam.Participants.Application;
using Finsam.Platform.Messaging;
using Finsam.Platform.Storage;

namespace Finsam.Participants.Infrastructure;

public static class ParticipantsServiceCollectionExtensions
{
    public const string ServiceName = "participants";

    /// <summary>Handlers, the repository, the outbox dispatcher and the bus (publish only: no consumers yet).</summary>
    public static IServiceCollection AddParticipants(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IParticipantRepository, DocumentParticipantRepository>();
        services.AddScoped<RegisterParticipantHandler>();
        services.AddScoped<GetParticipantHandler>();
        services.AddFinsamStorageInitializer(DocumentParticipantRepository.EnsureIndexesAsync);
        services.AddFinsamMessaging(configuration, ServiceName);
        services.AddFinsamOutbox(ParticipantDocument.CollectionName);
        return services;
    }
}
