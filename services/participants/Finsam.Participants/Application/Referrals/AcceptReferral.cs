using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Catalogue;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Referrals;

/// <param name="OverCapacity">Accept even when every budgeted place is taken, or ahead of those waiting in the queue.</param>
public sealed record AcceptReferralCommand(string? ReferralId, string? Etag, bool OverCapacity);

/// <summary>
/// Accepts a referral into its insats, or queues it when the insats is full. The rules:
/// <list type="bullet">
/// <item>A received referral takes a free place, unless others are already waiting: then it goes to the back
/// of the queue (status "queued", ReferralQueued) even if a place happens to be free, so it can't overtake them.</item>
/// <item>A received referral with no free place is queued the same way; the call succeeds and returns it queued.</item>
/// <item>A queued referral may be accepted only from the head of the queue, and only into a free place.</item>
/// <item>over_capacity=true lifts both limits: the referral is accepted beyond the budget or ahead of the queue,
/// and ReferralAccepted.OverCapacity records that the exception was used.</item>
/// </list>
/// Taking the place is a compare-and-set on the insats' places (<see cref="ReferralPlaces"/>), so of two
/// acceptances racing for the last place exactly one gets it; the other is queued.
/// </summary>
public sealed class AcceptReferralHandler(
    ReferralLoader loader,
    IReferralRepository repository,
    IInsatsCatalogue catalogue,
    ReferralAccess access,
    ReferralQueue queue,
    ReferralPlaces places,
    TimeProvider clock)
{
    public const string ReasonNotHeadOfQueue = "NOT_HEAD_OF_QUEUE";
    public const string ReasonNoFreePlace = "NO_FREE_PLACE";
    public const string ReasonInsatsNotFound = "INSATS_NOT_FOUND";

    public async Task<ReferralView> HandleAsync(AccessContext context, AcceptReferralCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        ReferralLoader.Validate(command.ReferralId, violations);
        var etag = Etags.Parse(command.Etag, violations);
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        var referral = await loader.LoadAsync(command.ReferralId, cancellationToken);
        await access.EnsureMayDecideAsync(context, referral, cancellationToken);
        Etags.EnsureCurrent(etag!.Value, referral.Version, ReferralTransitions.ReasonChanged, "Remissen");
        ReferralTransitions.EnsureMayAccept(referral);
        var insats = await catalogue.GetAsync(referral.InsatsId, cancellationToken)
            ?? throw new PreconditionFailedException(ReasonInsatsNotFound, "Insatsen finns inte längre i katalogen.");

        var waiting = await queue.ListAsync(referral.InsatsId, cancellationToken);
        var ahead = referral.Status == ReferralStatuses.Queued
            ? waiting.TakeWhile(r => r.Id != referral.Id).Count()
            : waiting.Count;
        if (ahead > 0 && !command.OverCapacity)
        {
            if (referral.Status == ReferralStatuses.Queued)
            {
                throw new PreconditionFailedException(
                    ReasonNotHeadOfQueue,
                    $"Remissen står på plats {ahead + 1} i kön. Den som väntat längst (plats 1) tas först; acceptera över kapacitet (over_capacity) för att gå förbi kön.");
            }

            return await QueueAsync(referral, cancellationToken);
        }

        var beyondBudget = await places.TryClaimAsync(insats.Id, referral.Id, insats.BudgetedPlaces, command.OverCapacity, cancellationToken);
        if (beyondBudget is null)
        {
            if (referral.Status == ReferralStatuses.Queued)
            {
                throw new PreconditionFailedException(
                    ReasonNoFreePlace,
                    $"Alla {insats.BudgetedPlaces} platser i insatsen är upptagna; remissen står kvar först i kön. Acceptera över kapacitet (over_capacity) om den ska tas in ändå.");
            }

            return await QueueAsync(referral, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var overCapacity = beyondBudget.Value || ahead > 0;
        referral.Accept(overCapacity, now, context.Actor);
        try
        {
            // Not cancellable: the place is taken, so the decision is written even if the caller hangs up.
            await repository.SaveAsync(referral, [new ReferralAccepted(referral.Id, referral.InsatsId, overCapacity, now)], CancellationToken.None);
        }
        catch (ConcurrencyConflictException)
        {
            // The referral changed since it was read (e.g. withdrawn meanwhile): nothing was written, give the place back.
            await places.ReturnAsync(referral.InsatsId, referral.Id, CancellationToken.None);
            throw;
        }

        return new ReferralView(referral, 0);
    }

    private async Task<ReferralView> QueueAsync(Referral referral, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        referral.Queue(now);
        await repository.SaveAsync(referral, [new ReferralQueued(referral.Id, referral.InsatsId, now)], cancellationToken);
        return await queue.ViewAsync(referral, cancellationToken);
    }
}
