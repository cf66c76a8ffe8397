using Finsam.Participants.Application.Gallring;
using Finsam.Participants.Domain;
using Finsam.Platform.Time;

namespace Finsam.Participants.Application.Referrals;

/// <summary>
/// Referrals as gallring sees them. A referral still in play (received, queued, or accepted and holding a
/// place) keeps the person; a declined or withdrawn one counts as a stay that ended the day it was decided,
/// so someone who was only ever referred is also gallrad N years later. An accepted referral whose place is
/// released, or whose stay has started, is covered by that stay.
/// </summary>
public sealed class ReferralStays(IReferralRepository repository, IReferralStays staysFromReferrals) : IParticipantStays
{
    public async Task<IReadOnlyList<StaySummary>> StaysOfAsync(string participantId, CancellationToken cancellationToken)
    {
        var stays = new List<StaySummary>();
        foreach (var referral in await repository.ListForParticipantAsync(participantId, cancellationToken))
        {
            // An accepted referral is covered by its stay once one started; before that it holds a place and keeps the person.
            if (referral.IsOpen || (referral.HoldsPlace && await staysFromReferrals.StayOfAsync(referral.Id, cancellationToken) == ReferralStay.None))
            {
                stays.Add(new StaySummary(referral.InsatsId, null));
            }
            else if (referral.Status is ReferralStatuses.Declined or ReferralStatuses.Withdrawn)
            {
                var decided = referral.DecidedAt ?? referral.CreatedAt;
                stays.Add(new StaySummary(referral.InsatsId, SwedishCalendar.DayOf(decided)));
            }
        }

        return stays;
    }
}
