using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Referrals;

/// <summary>
/// What a stay needs from the referral it starts from: that it is this person's referral to this insats (else
/// the request names the wrong referral: INVALID_ARGUMENT), that it is accepted and no stay has come of it yet
/// (else the referral is in the wrong state: FAILED_PRECONDITION), and which agency sent it and when.
/// </summary>
public sealed class ReferralsForEnrolments(IReferralRepository referrals, IReferralStays stays) : IStayReferrals
{
    public async Task<StayReferral> ForNewStayAsync(string referralId, string insatsId, string participantId, CancellationToken cancellationToken)
    {
        var referral = await referrals.GetAsync(referralId, cancellationToken)
            ?? throw Invalid("Remissen finns inte.");
        if (referral.InsatsId != insatsId)
        {
            throw Invalid("Remissen gäller en annan insats.");
        }

        if (referral.ParticipantId != participantId)
        {
            throw Invalid("Remissen gäller en annan person.");
        }

        if (referral.Status != ReferralStatuses.Accepted)
        {
            throw new PreconditionFailedException(
                ReferralPlaces.ReasonNotAccepted,
                $"Remissen är {ReferralTransitions.StatusWord(referral.Status)}, inte accepterad: acceptera den innan inskrivningen.");
        }

        // One referral, one stay: once a stay has come of it (running, ended, or its place given back) a new stay needs a new referral.
        if (referral.PlaceReleased || await stays.StayOfAsync(referral.Id, cancellationToken) != ReferralStay.None)
        {
            throw StartEnrolmentHandler.ReferralAlreadyUsed();
        }

        return new StayReferral(referral.Agency, referral.ReceivedOn);
    }

    public async Task<DateOnly?> ReceivedOnAsync(string referralId, CancellationToken cancellationToken) =>
        (await referrals.GetAsync(referralId, cancellationToken))?.ReceivedOn;

    private static ValidationFailedException Invalid(string message) => new([new FieldViolation("referral_id", message)]);
}
