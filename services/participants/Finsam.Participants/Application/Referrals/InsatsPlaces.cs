namespace Finsam.Participants.Application.Referrals;

/// <summary>
/// Who holds the places of one insats: the referral ids of the accepted referrals whose place isn't released.
/// It is one version-checked document per insats so that taking a place is a compare-and-set: two staff
/// accepting at once for the last place can't both get it. Accepting first claims the place here and then
/// writes the referral; ending or withdrawing first writes the referral and then returns the place. A crash
/// between the two writes can therefore only leave an extra hold, never a missing one, and such a hold is
/// pruned (see <see cref="ReferralPlaces"/>).
/// </summary>
public sealed class InsatsPlaces
{
    public required string InsatsId { get; init; }

    public List<PlaceHold> Holds { get; init; } = [];

    /// <summary>0 while not yet stored.</summary>
    public long Version { get; set; }
}

/// <param name="ClaimedAt">When the place was taken; a hold younger than the grace period may be in flight.</param>
public sealed record PlaceHold(string ReferralId, DateTime ClaimedAt);

/// <summary>Storage port for <see cref="InsatsPlaces"/>.</summary>
public interface IInsatsPlacesStore
{
    Task<InsatsPlaces?> GetAsync(string insatsId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the places if nobody else did since they were read (their <see cref="InsatsPlaces.Version"/>;
    /// 0 inserts). Returns false, writing nothing, when someone else came first.
    /// </summary>
    Task<bool> TrySaveAsync(InsatsPlaces places, CancellationToken cancellationToken);
}
