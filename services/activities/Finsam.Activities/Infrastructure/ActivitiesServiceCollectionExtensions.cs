using Finsam.Activities.Application.Attendance;
using Finsam.Activities.Application.Bookings;
using Finsam.Activities.Application.Catalogue;
using Finsam.Activities.Application.Counts;
using Finsam.Activities.Application.Evaluations;
using Finsam.Activities.Application.Formats;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Application.Leaders;
using Finsam.Activities.Infrastructure.Catalogue;
using Finsam.Activities.Infrastructure.Counts;
using Finsam.Activities.Infrastructure.Evaluations;
using Finsam.Activities.Infrastructure.Formats;
using Finsam.Activities.Infrastructure.Groups;
using Finsam.Activities.Infrastructure.Leaders;
using Finsam.Activities.Infrastructure.Seed;
using Finsam.Platform.Messaging;
using Finsam.Platform.Storage;

namespace Finsam.Activities.Infrastructure;

public static class ActivitiesServiceCollectionExtensions
{
    public const string ServiceName = "activities";

    public static IServiceCollection AddActivities(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddActivitiesApplication();
        services.AddFinsamMessaging(configuration, ServiceName);
        services.AddFinsamOutbox(InsatsDocument.CollectionName);
        services.AddFinsamOutbox(GroupDocument.CollectionName);
        services.AddFinsamOutbox(EvaluationDocument.CollectionName);
        services.AddFinsamOutbox(InsatsCountDocument.CollectionName);
        return services;
    }

    /// <summary>Handlers, repositories and index set-up without the broker: what the unit-test harness uses.</summary>
    public static IServiceCollection AddActivitiesApplication(this IServiceCollection services)
    {
        services.AddSingleton<IInsatsRepository, DocumentInsatsRepository>();
        services.AddScoped<CatalogueHandlers>();
        services.AddFinsamStorageInitializer(DocumentInsatsRepository.EnsureIndexesAsync);

        services.AddSingleton<IInsatsCountRepository, DocumentInsatsCountRepository>();
        services.AddScoped<RegisterInsatsCountsHandler>();
        services.AddScoped<CorrectInsatsCountsHandler>();
        services.AddScoped<InsatsCountQueries>();
        services.AddFinsamStorageInitializer(DocumentInsatsCountRepository.EnsureIndexesAsync);

        services.AddSingleton<ICourseFormatRepository, DocumentCourseFormatRepository>();
        services.AddFinsamStorageInitializer(DocumentCourseFormatRepository.EnsureIndexesAsync);
        services.AddScoped<CourseFormatHandlers>();
        // After the format indexes: the unique request id is what makes seeding once-only.
        services.AddSingleton<CourseFormatSeed>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<CourseFormatSeed>());
        services.AddSingleton<ILeaderRegistry, DocumentLeaderRegistry>();
        services.AddScoped<LeaderHandlers>();

        services.AddSingleton<IGroupRepository, DocumentGroupRepository>();
        services.AddScoped<GroupUpdates>();
        services.AddScoped<ScheduleGroupHandler>();
        services.AddScoped<GroupQueries>();
        services.AddScoped<AssignLeadersHandler>();
        services.AddScoped<StartGroupHandler>();
        services.AddScoped<CancelGroupHandler>();
        services.AddScoped<TraffChangeHandlers>();
        services.AddScoped<GroupCalendarHandler>();
        services.AddFinsamStorageInitializer(DocumentGroupRepository.EnsureIndexesAsync);

        services.AddScoped<BookParticipantHandler>();
        services.AddScoped<CancelBookingHandler>();
        services.AddScoped<GetRosterHandler>();
        services.AddScoped<RecordAttendanceHandler>();
        services.AddScoped<CorrectAttendanceHandler>();
        services.AddScoped<AttendanceQueries>();
        services.AddScoped<CompleteGroupHandler>();

        services.AddSingleton<IEvaluationRepository, DocumentEvaluationRepository>();
        services.AddScoped<SubmitEvaluationHandler>();
        services.AddScoped<GetEvaluationSummaryHandler>();
        services.AddFinsamStorageInitializer(DocumentEvaluationRepository.EnsureIndexesAsync);
        return services;
    }
}
