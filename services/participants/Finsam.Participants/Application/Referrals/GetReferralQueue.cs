using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Catalogue;
using Finsam.Participants.Application.Validation;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Referrals;

/// <param name="Queued">Oldest first; each with its 1-based position.</param>
/// <param name="PlacesInUse">Accepted referrals whose place isn't released (may exceed the budget through over-capacity acceptances).</param>
public sealed record ReferralQueueView(string InsatsId, int BudgetedPlaces, int PlacesInUse, IReadOnlyList<ReferralView> Queued);

/// <summary>
/// The queue of an insats for its staff: who waits, in which order, and how many places are taken. Each
/// person listed gets an entry in the access log, since the queue shows their referrals.
/// </summary>
public sealed class GetReferralQueueHandler(IInsatsCatalogue catalogue, ReferralQueue queue, IReferralPlaces places, ReferralAccess access)
{
    public async Task<ReferralQueueView> HandleAsync(AccessContext context, string? insatsId, CancellationToken cancellationToken)
    {
        var id = Ids.Require(insatsId, "insats_id", "Insats-id");
        ReferralAccess.EnsureMaySeeQueue(context.Caller, id);
        var insats = await catalogue.GetAsync(id, cancellationToken)
            ?? throw new NotFoundException(AcceptReferralHandler.ReasonInsatsNotFound, "Insatsen finns inte.");

        var queued = await queue.ListAsync(insats.Id, cancellationToken);
        foreach (var participantId in queued.Select(r => r.ParticipantId).Distinct(StringComparer.Ordinal))
        {
            await access.RecordReadAsync(context, participantId, cancellationToken);
        }

        var inUse = await places.PlacesInUseAsync(insats.Id, cancellationToken);
        return new ReferralQueueView(insats.Id, insats.BudgetedPlaces, inUse, queued.Select((r, i) => new ReferralView(r, i + 1)).ToList());
    }
}
