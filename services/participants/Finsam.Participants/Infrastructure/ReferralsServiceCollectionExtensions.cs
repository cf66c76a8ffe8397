using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Referrals;
using Finsam.Platform.Storage;

namespace Finsam.Participants.Infrastructure;

public static class ReferralsServiceCollectionExtensions
{
    /// <summary>Referrals and the insatser's queues and places: handlers, access rules, repositories and indexes.</summary>
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddSingleton<IReferralRepository, DocumentReferralRepository>();
        services.AddSingleton<IInsatsPlacesStore, DocumentInsatsPlacesStore>();
        services.AddScoped<ReferralPlaces>();
        services.AddScoped<IReferralPlaces>(provider => provider.GetRequiredService<ReferralPlaces>());
        services.AddScoped<IInsatsLinkSource, ReferralInsatsLinks>();
        services.AddScoped<ReferralAccess>();
        services.AddScoped<ReferralLoader>();
        services.AddScoped<ReferralQueue>();
        services.AddScoped<CreateReferralHandler>();
        services.AddScoped<GetReferralHandler>();
        services.AddScoped<ListParticipantReferralsHandler>();
        services.AddScoped<AcceptReferralHandler>();
        services.AddScoped<DeclineReferralHandler>();
        services.AddScoped<WithdrawReferralHandler>();
        services.AddScoped<GetReferralQueueHandler>();
        services.AddScoped<Application.Enrolments.IStayReferrals, ReferralsForEnrolments>();
        services.AddScoped<Application.Gallring.IIdentifyingDataHolder, ReferralGallring>();
        services.AddScoped<Application.Gallring.IParticipantStays, ReferralStays>();
        services.AddFinsamStorageInitializer(DocumentReferralRepository.EnsureIndexesAsync);
        return services;
    }
}
