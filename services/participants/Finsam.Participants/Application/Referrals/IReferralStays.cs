namespace Finsam.Participants.Application.Referrals;

/// <summary>Whether a stay came of a referral, and whether it still runs.</summary>
public enum ReferralStay
{
    None,
    Running,
    Ended,
}

/// <summary>
/// What the referrals ask the enrolments: the stay that started from a referral (there is at most one, by a
/// unique index on the enrolments). Places and withdrawals depend on it: a running stay keeps the referral's
/// place, an ended one has given it back even if writing that onto the referral failed.
/// </summary>
public interface IReferralStays
{
    Task<ReferralStay> StayOfAsync(string referralId, CancellationToken cancellationToken);
}
