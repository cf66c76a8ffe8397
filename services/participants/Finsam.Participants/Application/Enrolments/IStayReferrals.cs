namespace Finsam.Participants.Application.Enrolments;

/// <summary>What a stay takes from the referral it starts from: who sent it (for "where they came from") and when it came.</summary>
public sealed record StayReferral(string Agency, DateOnly ReceivedOn);

/// <summary>
/// The referrals that stays start from, as the enrolments see them. The referrals feature owns referrals and
/// registers the implementation.
/// </summary>
public interface IStayReferrals
{
    /// <summary>
    /// The referral a new stay of <paramref name="participantId"/> in <paramref name="insatsId"/> starts from.
    /// Throws <see cref="Platform.Errors.ValidationFailedException"/> on "referral_id" for an unknown referral or
    /// one for another person or insats, and <see cref="Platform.Errors.PreconditionFailedException"/> when it
    /// isn't accepted (REFERRAL_NOT_ACCEPTED) or a stay has already come of it (REFERRAL_ALREADY_USED).
    /// </summary>
    Task<StayReferral> ForNewStayAsync(string referralId, string insatsId, string participantId, CancellationToken cancellationToken);

    /// <summary>The day the insats received the referral; null when it is unknown.</summary>
    Task<DateOnly?> ReceivedOnAsync(string referralId, CancellationToken cancellationToken);
}
