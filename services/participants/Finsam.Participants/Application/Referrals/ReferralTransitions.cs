using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Referrals;

/// <summary>The states each decision may start from; any other start is FAILED_PRECONDITION with a Swedish message.</summary>
public static class ReferralTransitions
{
    public const string ReasonInvalidTransition = "REFERRAL_INVALID_TRANSITION";
    public const string ReasonChanged = "REFERRAL_CHANGED";
    public const string ReasonStayRunning = "REFERRAL_STAY_RUNNING";

    /// <summary>received → accepted / queued; queued → accepted.</summary>
    public static void EnsureMayAccept(Referral referral)
    {
        if (!referral.IsOpen)
        {
            throw Invalid(referral, "accepteras");
        }
    }

    /// <summary>received / queued → declined.</summary>
    public static void EnsureMayDecline(Referral referral)
    {
        if (!referral.IsOpen)
        {
            throw Invalid(referral, "avböjas");
        }
    }

    /// <summary>
    /// received / queued → withdrawn, and accepted → withdrawn while no stay has come of it: an agency may
    /// withdraw a referral the insats accepted but the person hasn't started (e.g. they found work first), which
    /// frees the place. While the stay runs the person uses the place, so the stay is ended first; once a stay
    /// has ended the referral is history and stays accepted.
    /// </summary>
    public static void EnsureMayWithdraw(Referral referral, ReferralStay stay)
    {
        if (referral.IsOpen || (referral.HoldsPlace && stay == ReferralStay.None))
        {
            return;
        }

        if (referral.Status == ReferralStatuses.Accepted && stay == ReferralStay.Running)
        {
            throw new PreconditionFailedException(
                ReasonStayRunning, "Remissen kan inte återkallas medan inskrivningen som kom av den pågår: avsluta inskrivningen först.");
        }

        if (referral.Status == ReferralStatuses.Accepted)
        {
            throw new PreconditionFailedException(ReasonInvalidTransition, "Remissen kan inte återkallas: vistelsen som kom av den är redan avslutad.");
        }

        throw Invalid(referral, "återkallas");
    }

    private static PreconditionFailedException Invalid(Referral referral, string verb) =>
        new(ReasonInvalidTransition, $"Remissen är {StatusWord(referral.Status)} och kan inte {verb}.");

    public static string StatusWord(string status) => status switch
    {
        ReferralStatuses.Received => "mottagen",
        ReferralStatuses.Queued => "köad",
        ReferralStatuses.Accepted => "redan accepterad",
        ReferralStatuses.Declined => "redan avböjd",
        ReferralStatuses.Withdrawn => "återkallad",
        _ => status,
    };
}
