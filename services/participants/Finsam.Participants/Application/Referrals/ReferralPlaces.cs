using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Referrals;

/// <summary>
/// Takes and returns the places of an insats through its <see cref="InsatsPlaces"/> document, retrying
/// the compare-and-set when another decision came first.
/// </summary>
public sealed class ReferralPlaces(IInsatsPlacesStore store, IReferralRepository referrals, IReferralStays stays, TimeProvider clock) : IReferralPlaces
{
    public const string ReasonBusy = "PLACES_BUSY";
    public const string ReasonNotAccepted = "REFERRAL_NOT_ACCEPTED";

    /// <summary>
    /// How long a hold may exist without its referral being accepted before it counts as left behind by a
    /// crash between the two writes. Far longer than any accept takes, short enough not to block a place for long.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    // Each failed round means another decision on the same insats succeeded; this many in a row is a storm.
    private const int MaxAttempts = 50;

    public async Task<int> PlacesInUseAsync(string insatsId, CancellationToken cancellationToken)
    {
        var places = await store.GetAsync(insatsId, cancellationToken);
        return places is null ? 0 : (await LiveHoldsAsync(places, cancellationToken)).Count;
    }

    /// <summary>
    /// Takes a place for the referral if one is free, or beyond the budget when <paramref name="beyondBudget"/>.
    /// Returns null when all places are taken (and beyond the budget isn't allowed); otherwise whether the
    /// place taken was beyond the budget.
    /// </summary>
    public async Task<bool?> TryClaimAsync(string insatsId, string referralId, int budgetedPlaces, bool beyondBudget, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var places = await store.GetAsync(insatsId, cancellationToken) ?? new InsatsPlaces { InsatsId = insatsId };
            var live = await LiveHoldsAsync(places, cancellationToken);
            if (live.Any(h => h.ReferralId == referralId))
            {
                // Claimed by an earlier attempt of this same acceptance that didn't get to write the referral.
                return live.Count > budgetedPlaces;
            }

            var full = live.Count >= budgetedPlaces;
            if (full && !beyondBudget)
            {
                return null;
            }

            places.Holds.Clear();
            places.Holds.AddRange(live);
            places.Holds.Add(new PlaceHold(referralId, clock.GetUtcNow().UtcDateTime));
            if (await store.TrySaveAsync(places, cancellationToken))
            {
                return full;
            }
        }

        throw Busy();
    }

    /// <summary>Gives the referral's place back (after its referral was written as no longer holding one).</summary>
    public async Task ReturnAsync(string insatsId, string referralId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var places = await store.GetAsync(insatsId, cancellationToken);
            if (places is null || places.Holds.RemoveAll(h => h.ReferralId == referralId) == 0)
            {
                return;
            }

            if (await store.TrySaveAsync(places, cancellationToken))
            {
                return;
            }
        }

        // The referral no longer holds the place, so the next claim prunes this hold anyway.
    }

    public async Task ReleasePlaceAsync(string referralId, CancellationToken cancellationToken)
    {
        Referral referral;
        for (var attempt = 0; ; attempt++)
        {
            referral = await referrals.GetAsync(referralId, cancellationToken)
                ?? throw new NotFoundException(ReferralLoader.ReasonNotFound, "Remissen finns inte.");
            if (referral.Status != ReferralStatuses.Accepted)
            {
                throw new PreconditionFailedException(ReasonNotAccepted, "Remissen är inte accepterad och har ingen plats att lämna tillbaka.");
            }

            if (referral.PlaceReleased)
            {
                break;
            }

            referral.ReleasePlace();
            try
            {
                await referrals.SaveAsync(referral, [], cancellationToken);
                break;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Someone changed the referral meanwhile (no user etag is involved here): read it again.
            }
        }

        await ReturnAsync(referral.InsatsId, referral.Id, cancellationToken);
    }

    /// <summary>
    /// The holds that count: those whose referral holds its place, and young ones whose acceptance may still
    /// be writing the referral. Older holds without an accepted referral were left by a crash or a lost race
    /// between the two writes. A hold whose referral's stay has ended is free whatever the referral says:
    /// ending the stay and releasing the place are two writes, and if the second failed the place would
    /// otherwise be lost for good. Holds that don't count are dropped at the next write of the document.
    /// </summary>
    private async Task<List<PlaceHold>> LiveHoldsAsync(InsatsPlaces places, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Grace;
        HashSet<string>? holding = null;
        var live = new List<PlaceHold>();
        foreach (var hold in places.Holds)
        {
            if (hold.ClaimedAt <= cutoff)
            {
                holding ??= (await referrals.ListForInsatsAsync(places.InsatsId, ReferralStatuses.Accepted, cancellationToken))
                    .Where(r => r.HoldsPlace)
                    .Select(r => r.Id)
                    .ToHashSet(StringComparer.Ordinal);
                if (!holding.Contains(hold.ReferralId))
                {
                    continue;
                }
            }

            if (await stays.StayOfAsync(hold.ReferralId, cancellationToken) != ReferralStay.Ended)
            {
                live.Add(hold);
            }
        }

        return live;
    }

    private static ConcurrencyConflictException Busy() =>
        new(ReasonBusy, "Platserna i insatsen ändras av många samtidigt just nu. Försök igen.");
}
