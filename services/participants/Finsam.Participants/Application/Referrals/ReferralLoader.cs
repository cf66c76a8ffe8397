using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Referrals;

/// <summary>Loads a referral by id for any handler: validates the id, and NOT_FOUND when absent.</summary>
public sealed class ReferralLoader(IReferralRepository repository)
{
    public const string ReasonNotFound = "REFERRAL_NOT_FOUND";

    /// <summary>Adds a violation on "referral_id" when the id is missing or malformed, for handlers that validate all fields at once.</summary>
    public static void Validate(string? referralId, List<FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(referralId))
        {
            violations.Add(new FieldViolation("referral_id", "Remiss-id saknas."));
        }
        else if (referralId.Length > 64)
        {
            violations.Add(new FieldViolation("referral_id", "Remiss-id är för långt."));
        }
    }

    public async Task<Referral> LoadAsync(string? referralId, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        Validate(referralId, violations);
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        return await repository.GetAsync(referralId!, cancellationToken)
            ?? throw new NotFoundException(ReasonNotFound, "Remissen finns inte.");
    }
}
