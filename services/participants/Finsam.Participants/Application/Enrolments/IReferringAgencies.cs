namespace Finsam.Participants.Application.Enrolments;

/// <summary>
/// Which agency sent a referral, for EnrolmentStarted.ReferringAgency. The referrals feature owns referrals
/// and registers the implementation; without one (or for an unknown id) the agency is left out, and the
/// referral id is kept on the enrolment as an opaque reference.
/// </summary>
public interface IReferringAgencies
{
    /// <summary>
    /// The agency code ("fk", "af", "kommun", "region", "annan") of the referral the stay starts from, or null
    /// when this source doesn't know the referral. Throws <see cref="Platform.Errors.ValidationFailedException"/>
    /// on "referral_id" when the referral is for another person or insats, or hasn't been accepted.
    /// </summary>
    Task<string?> AgencyOfReferralAsync(string referralId, string insatsId, string? participantId, CancellationToken cancellationToken);
}
