using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Referrals;

public sealed record WithdrawReferralCommand(string? ReferralId, string? Etag);

/// <summary>
/// The referring agency withdraws its referral (or the insats' staff record that it did), as long as no stay
/// has come of it (<see cref="ReferralTransitions.EnsureMayWithdraw"/>). A withdrawn accepted referral gives its place back, after the referral is written, so a crash in between leaves at
/// most a surplus hold that the next acceptance prunes, never two people on one place.
/// </summary>
public sealed class WithdrawReferralHandler(
    ReferralLoader loader,
    IReferralRepository repository,
    ReferralAccess access,
    ReferralPlaces places,
    IReferralStays stays,
    TimeProvider clock)
{
    public async Task<ReferralView> HandleAsync(AccessContext context, WithdrawReferralCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        ReferralLoader.Validate(command.ReferralId, violations);
        var etag = Etags.Parse(command.Etag, violations);
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        var referral = await loader.LoadAsync(command.ReferralId, cancellationToken);
        await access.EnsureMayWithdrawAsync(context, referral, cancellationToken);
        Etags.EnsureCurrent(etag!.Value, referral.Version, ReferralTransitions.ReasonChanged, "Remissen");
        var stay = referral.Status == Domain.ReferralStatuses.Accepted ? await stays.StayOfAsync(referral.Id, cancellationToken) : ReferralStay.None;
        ReferralTransitions.EnsureMayWithdraw(referral, stay);

        var heldPlace = referral.HoldsPlace;
        var now = clock.GetUtcNow().UtcDateTime;
        referral.Withdraw(now, context.Actor);
        await repository.SaveAsync(referral, [new ReferralWithdrawn(referral.Id, referral.InsatsId, now)], cancellationToken);
        if (heldPlace)
        {
            await places.ReturnAsync(referral.InsatsId, referral.Id, CancellationToken.None);
        }

        return new ReferralView(referral, 0);
    }
}
