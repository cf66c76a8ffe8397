using Finsam.Participants.Application.Access;
using Finsam.Participants.Domain;

namespace Finsam.Participants.Application.Referrals;

/// <summary>
/// Ties a person to the insatser they are referred to, so those insatser's staff may work with their data.
/// Only referrals still in play count (received, queued, accepted): a declined or withdrawn referral gives
/// the insats no reason to see the person any more.
/// </summary>
public sealed class ReferralInsatsLinks(IReferralRepository repository) : IInsatsLinkSource
{
    public async Task<IReadOnlyCollection<string>> InsatserOfAsync(string participantId, CancellationToken cancellationToken) =>
        (await repository.ListForParticipantAsync(participantId, cancellationToken))
            .Where(r => r.IsOpen || r.Status == ReferralStatuses.Accepted)
            .Select(r => r.InsatsId)
            .ToHashSet(StringComparer.Ordinal);
}
