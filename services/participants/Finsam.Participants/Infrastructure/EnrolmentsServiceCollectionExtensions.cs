using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Application.Gallring;
using Finsam.Participants.Application.Referrals;
using Finsam.Platform.Storage;

namespace Finsam.Participants.Infrastructure;

public static class EnrolmentsServiceCollectionExtensions
{
    /// <summary>Enrolment handlers, the repository and its indexes, and the stays' answers to access and gallring.</summary>
    public static IServiceCollection AddEnrolments(this IServiceCollection services)
    {
        services.AddSingleton<DocumentEnrolmentRepository>();
        services.AddSingleton<IEnrolmentRepository>(sp => sp.GetRequiredService<DocumentEnrolmentRepository>());
        services.AddSingleton<IReferralStays>(sp => sp.GetRequiredService<DocumentEnrolmentRepository>());
        services.AddScoped<EnrolmentLinks>();
        services.AddScoped<IInsatsLinkSource>(sp => sp.GetRequiredService<EnrolmentLinks>());
        services.AddScoped<IParticipantStays>(sp => sp.GetRequiredService<EnrolmentLinks>());
        services.AddScoped<IIdentifyingDataHolder>(sp => sp.GetRequiredService<EnrolmentLinks>());
        services.AddScoped<EnrolmentAccess>();
        services.AddScoped<StartEnrolmentHandler>();
        services.AddScoped<GetEnrolmentHandlers>();
        services.AddScoped<RecordKartlaggningHandler>();
        services.AddScoped<RecordPlanHandler>();
        services.AddScoped<ListOverduePlansHandler>();
        services.AddScoped<RecordAssessmentHandlers>();
        services.AddScoped<GetSelfAssessmentChangeHandler>();
        services.AddScoped<EndEnrolmentHandler>();
        services.AddScoped<CorrectEnrolmentHandlers>();
        services.AddScoped<CorrectRecordedFactsHandlers>();
        services.AddScoped<RetractRecordedFactHandler>();
        services.AddScoped<RecordFollowUpHandler>();
        services.AddFinsamStorageInitializer(DocumentEnrolmentRepository.EnsureIndexesAsync);
        return services;
    }
}
