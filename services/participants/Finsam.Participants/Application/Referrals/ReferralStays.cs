using Finsam.Participants.Application.Gallring;
using Finsam.Participants.Domain;

namespace Finsam.Participants.Application.Referrals;

/// <summary>
/// Referrals as gallring sees them. A referral still in play (received, queued, or accepted and holding a
/// place) keeps the person; a declined or withdrawn one counts as a stay that ended the day it was decided,
/// so someone who was only ever referred is also gallrad N years later. An accepted referral whose place is
/// released is covered by its stay.
/// </summary>
public sealed class ReferralStays(IReferralRepository repository) : IParticipantStays
{
    private static readonly TimeZoneInfo Sweden =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Stockholm", out var zone) ? zone : TimeZoneInfo.Utc;

    public async Task<IReadOnlyList<StaySummary>> StaysOfAsync(string participantId, CancellationToken cancellationToken)
    {
        var stays = new List<StaySummary>();
        foreach (var referral in await repository.ListForParticipantAsync(participantId, cancellationToken))
        {
            if (referral.IsOpen || referral.HoldsPlace)
            {
                stays.Add(new StaySummary(referral.InsatsId, null));
            }
            else if (referral.Status is ReferralStatuses.Declined or ReferralStatuses.Withdrawn)
            {
                var decided = referral.DecidedAt ?? referral.CreatedAt;
                stays.Add(new StaySummary(referral.InsatsId, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(decided, Sweden))));
            }
        }

        return stays;
    }
}
