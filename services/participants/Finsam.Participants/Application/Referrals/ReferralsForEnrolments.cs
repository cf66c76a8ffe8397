using Finsam.Participants.Application.Enrolments;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Referrals;

/// <summary>
/// What a stay needs from the referral it starts from: that it is this person's accepted referral to this
/// insats, and which agency sent it (EnrolmentStarted.ReferringAgency, for "where they came from").
/// </summary>
public sealed class ReferralsForEnrolments(IReferralRepository referrals) : IReferringAgencies
{
    public async Task<string?> AgencyOfReferralAsync(string referralId, string insatsId, string? participantId, CancellationToken cancellationToken)
    {
        var referral = await referrals.GetAsync(referralId, cancellationToken)
            ?? throw Invalid("Remissen finns inte.");
        if (referral.InsatsId != insatsId)
        {
            throw Invalid("Remissen gäller en annan insats.");
        }

        // An anonymous stay may still come from a referral (the person chose anonymity at intake).
        if (participantId is not null && referral.ParticipantId != participantId)
        {
            throw Invalid("Remissen gäller en annan person.");
        }

        if (referral.Status != Domain.ReferralStatuses.Accepted)
        {
            throw Invalid("Remissen är inte antagen: anta den innan inskrivningen.");
        }

        return referral.Agency;
    }

    private static ValidationFailedException Invalid(string message) => new([new FieldViolation("referral_id", message)]);
}
