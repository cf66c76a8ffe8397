using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Gallring;
using Finsam.Participants.Domain;

namespace Finsam.Participants.Application.Enrolments;

/// <summary>
/// What the rest of the service asks about a person's stays: which insatser tie them to staff (access),
/// the stays gallring dates from, and removal of the free text the stays hold when gallring is due.
/// </summary>
public sealed class EnrolmentLinks(IEnrolmentRepository repository, TimeProvider clock) : IInsatsLinkSource, IParticipantStays, IIdentifyingDataHolder
{
    public const string Removed = "(gallrad)";

    /// <summary>Ended stays count too: their staff still record follow-ups and corrections.</summary>
    public async Task<IReadOnlyCollection<string>> InsatserOfAsync(string participantId, CancellationToken cancellationToken) =>
        (await repository.ListForParticipantAsync(participantId, cancellationToken)).Select(e => e.InsatsId).Distinct(StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<StaySummary>> StaysOfAsync(string participantId, CancellationToken cancellationToken) =>
        (await repository.ListForParticipantAsync(participantId, cancellationToken)).Select(e => new StaySummary(e.InsatsId, e.Ending?.EndDate)).ToList();

    /// <summary>
    /// Contact persons, plan texts, kartläggning areas, assessment results, follow-up notes and correction
    /// reasons go; dates, codes, scores, gender and age band stay for the statistics. Idempotent: stays
    /// already done are skipped.
    /// </summary>
    public async Task RemoveIdentifyingDataAsync(string participantId, CancellationToken cancellationToken)
    {
        foreach (var enrolment in await repository.ListForParticipantAsync(participantId, cancellationToken))
        {
            if (enrolment.IdentifyingDataRemovedAt is not null)
            {
                continue;
            }

            Strip(enrolment);
            enrolment.IdentifyingDataRemovedAt = clock.GetUtcNow().UtcDateTime;
            await repository.SaveAsync(enrolment, [], cancellationToken);
        }
    }

    private static void Strip(Enrolment enrolment)
    {
        enrolment.Start = enrolment.Start with { ContactPersons = [] };
        Replace(enrolment.Kartlaggningar, k => k with { Areas = [Removed] });
        Replace(enrolment.Plans, p => p with { Huvudmal = Removed, Delmal = [], Strategies = [] });
        Replace(enrolment.Assessments, a => a with { Result = Removed });
        Replace(enrolment.FollowUps, f => f with { Note = f.Note.Length == 0 ? "" : Removed });
        // Earlier contact persons and earlier texts of corrected records (plans, areas, results, notes) live on in
        // the history: keep that a correction happened, not what the text said. The reasons are free text that may
        // name someone, whatever the field.
        Replace(enrolment.Corrections, c => c.Field == "contact_persons" || RecordedFacts.HoldsFreeText(c.Field)
            ? c with { OldValue = Removed, NewValue = Removed, Reason = Removed }
            : c with { Reason = Removed });
    }

    private static void Replace<T>(List<T> items, Func<T, T> change)
    {
        for (var i = 0; i < items.Count; i++)
        {
            items[i] = change(items[i]);
        }
    }
}
