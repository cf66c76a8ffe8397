using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Referrals;

/// <summary>Loads a referral by id for any handler: validates the id, and NOT_FOUND when absent.</summary>
public sealed class ReferralLoader(IReferralRepository repository)
{
    public const string ReasonNotFound = "REFERRAL_NOT_FOUND";

    /// <summary>Adds a violation on "referral_id" when the id is missing or malformed, for handlers that validate all fields at once.</summary>
    public static void Validate(string? referralId, List<FieldViolation> violations) =>
        Ids.Validate(referralId, "referral_id", "Remiss-id", required: true, violations);

    public async Task<Referral> LoadAsync(string? referralId, CancellationToken cancellationToken)
    {
        var id = Ids.Require(referralId, "referral_id", "Remiss-id");
        return await repository.GetAsync(id, cancellationToken)
            ?? throw new NotFoundException(ReasonNotFound, "Remissen finns inte.");
    }
}
