using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Validation;
using Finsam.Platform.Errors;
using Finsam.Platform.Validation;

namespace Finsam.Participants.Application.Referrals;

/// <param name="Reason">A code of <see cref="ReferralDeclineReasons"/>.</param>
/// <param name="Note">Optional free text for the agency and the file; never leaves the service in an event.</param>
public sealed record DeclineReferralCommand(string? ReferralId, string? Etag, string? Reason, string? Note);

/// <summary>Declines a received or queued referral with a reason; a declined head of the queue lets the next one move up.</summary>
public sealed class DeclineReferralHandler(
    ReferralLoader loader,
    IReferralRepository repository,
    ReferralAccess access,
    TimeProvider clock)
{
    public async Task<ReferralView> HandleAsync(AccessContext context, DeclineReferralCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        ReferralLoader.Validate(command.ReferralId, violations);
        var etag = Etags.Parse(command.Etag, violations);
        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            violations.Add(new FieldViolation("reason", $"Orsak saknas: välj bland {AllowedReasons}."));
        }
        else if (!ReferralDeclineReasons.IsKnown(reason))
        {
            violations.Add(new FieldViolation("reason", $"Okänd orsak: välj bland {AllowedReasons}."));
        }

        var note = FreeText.Validate(command.Note, "note", "Kommentaren", ReferralTexts.DeclineNoteMaxLength, required: false, multiline: true, violations);
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        var referral = await loader.LoadAsync(command.ReferralId, cancellationToken);
        await access.EnsureMayDecideAsync(context, referral, cancellationToken);
        Etags.EnsureCurrent(etag!.Value, referral.Version, ReferralTransitions.ReasonChanged, "Remissen");
        ReferralTransitions.EnsureMayDecline(referral);

        var now = clock.GetUtcNow().UtcDateTime;
        referral.Decline(reason, note!.Length == 0 ? null : note, now, context.Actor);
        await repository.SaveAsync(referral, [new ReferralDeclined(referral.Id, referral.InsatsId, reason, now)], cancellationToken);
        return new ReferralView(referral, 0);
    }

    private static string AllowedReasons => string.Join(", ", ReferralDeclineReasons.All.Keys);
}
