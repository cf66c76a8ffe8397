using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Catalogue;
using Finsam.Participants.Application.Consents;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Infrastructure.Gallring;
using Finsam.Platform.Correlation;
using Finsam.Platform.Messaging;
using Finsam.Platform.Storage;
using Finsam.Protos.Activities.V1;

namespace Finsam.Participants.Infrastructure;

public static class ParticipantsServiceCollectionExtensions
{
    public const string ServiceName = "participants";

    /// <summary>Handlers, repositories, the access log, the catalogue client, the outbox dispatcher and the bus.</summary>
    public static IServiceCollection AddParticipants(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddParticipantsApplication();

        // The insats catalogue lives in the activities service (Services:Activities is its address).
        services.AddTransient<CorrelationIdClientInterceptor>();
        services
            .AddGrpcClient<ActivitiesService.ActivitiesServiceClient>(o =>
                o.Address = new Uri(configuration["Services:Activities"] ?? "http://127.0.0.1:5102"))
            // After activities has been away, the channel retries its connection with exponential backoff (up to
            // two minutes by default), failing calls at once meanwhile: the catalogue would stay "unavailable" long
            // after activities is back. Within one deployment a retry every few seconds costs nothing.
            .ConfigureChannel(channel => channel.MaxReconnectBackoff = TimeSpan.FromSeconds(2))
            .AddInterceptor<CorrelationIdClientInterceptor>();
        services.AddHttpContextAccessor();
        services.AddSingleton<IInsatsCatalogue, GrpcInsatsCatalogue>();

        services.AddFinsamMessaging(configuration, ServiceName);
        services.AddFinsamOutbox(ParticipantDocument.CollectionName);
        services.AddFinsamOutbox(Surveys.SurveyAnswerDocument.CollectionName);
        services.AddFinsamOutbox(ReferralDocument.CollectionName);
        services.AddFinsamOutbox(EnrolmentDocument.CollectionName);
        return services;
    }

    /// <summary>
    /// What runs inside the service whatever its surroundings: handlers, access rules and the repositories on
    /// the document store. Unit tests use this with a LiteDB store and their own catalogue.
    /// </summary>
    public static IServiceCollection AddParticipantsApplication(this IServiceCollection services)
    {
        // The registry, consents and the access log.
        services.AddSingleton<IParticipantRepository, DocumentParticipantRepository>();
        services.AddSingleton<IAccessLog, DocumentAccessLog>();
        services.AddScoped<ParticipantAccess>();
        services.AddScoped<ParticipantLoader>();
        services.AddScoped<RegisterParticipantHandler>();
        services.AddScoped<GetParticipantHandler>();
        services.AddScoped<GetParticipantIdentityHandler>();
        services.AddScoped<SearchParticipantsHandler>();
        services.AddScoped<CorrectParticipantHandler>();
        services.AddScoped<GetParticipantHistoryHandler>();
        services.AddScoped<ConsentHandlers>();
        services.AddScoped<GetAccessLogExtractHandler>();
        services.AddFinsamStorageInitializer(DocumentParticipantRepository.EnsureIndexesAsync);
        services.AddFinsamStorageInitializer(DocumentAccessLog.EnsureIndexesAsync);

        services.AddGallring();
        services.AddSurveys();
        services.AddReferrals();
        services.AddEnrolments();
        return services;
    }
}
