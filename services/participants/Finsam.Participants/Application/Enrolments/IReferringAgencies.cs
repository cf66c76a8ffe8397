namespace Finsam.Participants.Application.Enrolments;

/// <summary>
/// Which agency sent a referral, for EnrolmentStarted.ReferringAgency. The referrals feature owns referrals
/// and registers the implementation; without one (or for an unknown id) the agency is left out, and the
/// referral id is kept on the enrolment as an opaque reference.
/// </summary>
public interface IReferringAgencies
{
    /// <summary>The agency code ("fk", "af", "kommun", "region", "annan"), or null when the referral is unknown.</summary>
    Task<string?> AgencyOfReferralAsync(string referralId, CancellationToken cancellationToken);
}
