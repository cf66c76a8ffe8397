using Finsam.Participants.Domain;

namespace Finsam.Participants.Application.Referrals;

/// <summary>A referral as handlers return it: with its place in its insats' queue (1-based; 0 when not queued).</summary>
public sealed record ReferralView(Referral Referral, int QueuePosition);

/// <summary>
/// The queue of an insats: its queued referrals, oldest first. "Oldest" is the moment a referral joined the
/// queue (then its id, which is time-ordered), so a position only ever moves forward: nobody is put ahead of
/// someone already waiting, not even a referral with an earlier received_on that is tried later.
/// </summary>
public sealed class ReferralQueue(IReferralRepository repository)
{
    public async Task<IReadOnlyList<Referral>> ListAsync(string insatsId, CancellationToken cancellationToken) =>
        Order(await repository.ListForInsatsAsync(insatsId, ReferralStatuses.Queued, cancellationToken));

    public async Task<ReferralView> ViewAsync(Referral referral, CancellationToken cancellationToken) =>
        new(referral, referral.Status == ReferralStatuses.Queued ? PositionIn(await ListAsync(referral.InsatsId, cancellationToken), referral.Id) : 0);

    public async Task<IReadOnlyList<ReferralView>> ViewAllAsync(IReadOnlyList<Referral> referrals, CancellationToken cancellationToken)
    {
        var queues = new Dictionary<string, IReadOnlyList<Referral>>(StringComparer.Ordinal);
        var views = new List<ReferralView>(referrals.Count);
        foreach (var referral in referrals)
        {
            var position = 0;
            if (referral.Status == ReferralStatuses.Queued)
            {
                if (!queues.TryGetValue(referral.InsatsId, out var queue))
                {
                    queue = await ListAsync(referral.InsatsId, cancellationToken);
                    queues[referral.InsatsId] = queue;
                }

                position = PositionIn(queue, referral.Id);
            }

            views.Add(new ReferralView(referral, position));
        }

        return views;
    }

    public static IReadOnlyList<Referral> Order(IEnumerable<Referral> queued) =>
        queued.OrderBy(r => r.QueuedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();

    private static int PositionIn(IReadOnlyList<Referral> queue, string referralId)
    {
        for (var i = 0; i < queue.Count; i++)
        {
            if (queue[i].Id == referralId)
            {
                return i + 1;
            }
        }

        return 0;
    }
}
