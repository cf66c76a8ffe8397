namespace Finsam.Participants.Application.Referrals;

/// <summary>
/// The insatser's places as other features see them. The rule: the places in use of an insats are its
/// accepted referrals whose place isn't released; an accepted referral keeps its place until the stay that
/// came from it ends (the enrolment feature then calls <see cref="ReleasePlaceAsync"/>; should that call
/// fail, the ended stay frees the place anyway, see <see cref="IReferralStays"/>) or the agency withdraws it
/// before a stay has started. Over-capacity acceptances hold places too, so the number in use may exceed the budget.
/// </summary>
public interface IReferralPlaces
{
    /// <summary>Places of the insats in use now.</summary>
    Task<int> PlacesInUseAsync(string insatsId, CancellationToken cancellationToken);

    /// <summary>
    /// The stay from this accepted referral has ended: its place is free for the queue. Idempotent.
    /// NOT_FOUND for an unknown referral, FAILED_PRECONDITION when it was never accepted.
    /// </summary>
    Task ReleasePlaceAsync(string referralId, CancellationToken cancellationToken);
}
