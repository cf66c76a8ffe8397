using Finsam.Participants.Application.Referrals;
using Finsam.Platform.Storage;
using static Finsam.Participants.Infrastructure.DocumentMapping;

namespace Finsam.Participants.Infrastructure;

/// <summary>The insatser's places as one version-checked document each (compare-and-set on both stores).</summary>
public sealed class DocumentInsatsPlacesStore(IDocumentStore store) : IInsatsPlacesStore
{
    private readonly IDocumentCollection<InsatsPlacesDocument> _places = store.Collection<InsatsPlacesDocument>(InsatsPlacesDocument.CollectionName);

    public async Task<InsatsPlaces?> GetAsync(string insatsId, CancellationToken cancellationToken)
    {
        var document = await _places.GetAsync(insatsId, cancellationToken);
        return document is null
            ? null
            : new InsatsPlaces
            {
                InsatsId = document.Id,
                Holds = document.Holds.Select(h => new PlaceHold(h.ReferralId, Utc(h.ClaimedAt))).ToList(),
                Version = document.Version,
            };
    }

    public async Task<bool> TrySaveAsync(InsatsPlaces places, CancellationToken cancellationToken)
    {
        var document = new InsatsPlacesDocument
        {
            Id = places.InsatsId,
            Holds = places.Holds.Select(h => new PlaceHoldDocument { ReferralId = h.ReferralId, ClaimedAt = h.ClaimedAt }).ToList(),
        };
        if (places.Version == 0)
        {
            try
            {
                await _places.InsertAsync(document, cancellationToken);
            }
            catch (DuplicateKeyException)
            {
                // Another decision stored the insats' first place at the same moment.
                return false;
            }
        }
        else if (!await _places.ReplaceAsync(document, places.Version, cancellationToken))
        {
            return false;
        }

        places.Version = document.Version;
        return true;
    }
}
