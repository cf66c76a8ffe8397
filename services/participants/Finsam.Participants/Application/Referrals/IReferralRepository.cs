using Finsam.IntegrationEvents;
using Finsam.Participants.Domain;

namespace Finsam.Participants.Application.Referrals;

/// <summary>The referrals' storage port. Adapter: the platform's document store (LiteDB or MongoDB).</summary>
public interface IReferralRepository
{
    /// <summary>
    /// Stores a new referral and its events in one atomic write. Throws
    /// <see cref="Registry.RequestIdTakenException"/> when the request id is taken.
    /// </summary>
    Task AddAsync(Referral referral, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the changed referral and its events in one atomic write if nobody changed it since it was read
    /// (its <see cref="Referral.Version"/>); otherwise throws <see cref="Platform.Errors.ConcurrencyConflictException"/>.
    /// </summary>
    Task SaveAsync(Referral referral, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);

    Task<Referral?> GetAsync(string referralId, CancellationToken cancellationToken);

    Task<Referral?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>All referrals of one person, oldest first.</summary>
    Task<IReadOnlyList<Referral>> ListForParticipantAsync(string participantId, CancellationToken cancellationToken);

    /// <summary>The referrals to one insats in one state, in no particular order.</summary>
    Task<IReadOnlyList<Referral>> ListForInsatsAsync(string insatsId, string status, CancellationToken cancellationToken);
}
