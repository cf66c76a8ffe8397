using Finsam.Participants.Application.Gallring;
using Finsam.Platform.Storage;

namespace Finsam.Participants.Infrastructure;

/// <summary>
/// Gallring of referrals: the free text that can identify a person (purpose, handläggare, the agency's
/// reference, a decline note) is emptied; agency, insats, dates and status stay for the statistics.
/// Written on the document directly, since the domain treats these texts as fixed once received.
/// </summary>
public sealed class ReferralGallring(IDocumentStore store) : IIdentifyingDataHolder
{
    private const string Removed = "(gallrad)";

    private readonly IDocumentCollection<ReferralDocument> _referrals = store.Collection<ReferralDocument>(ReferralDocument.CollectionName);

    public async Task RemoveIdentifyingDataAsync(string participantId, CancellationToken cancellationToken)
    {
        foreach (var found in await _referrals.FindAsync(r => r.ParticipantId == participantId, cancellationToken: cancellationToken))
        {
            // Re-read and retry on a concurrent change: gallring must not give up half-way through a person.
            for (var document = found; document is not null && !IsRemoved(document);)
            {
                var version = document.Version;
                document.Purpose = Removed;
                document.Handlaggare = Removed;
                document.AgencyReference = Removed;
                document.DeclineNote = document.DeclineNote is null ? null : Removed;
                if (await _referrals.ReplaceAsync(document, version, cancellationToken))
                {
                    break;
                }

                document = await _referrals.GetAsync(found.Id, cancellationToken);
            }
        }
    }

    private static bool IsRemoved(ReferralDocument d) => d.Purpose == Removed && d.Handlaggare == Removed && d.AgencyReference == Removed;
}
