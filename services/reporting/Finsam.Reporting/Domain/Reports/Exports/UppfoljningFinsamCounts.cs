namespace Finsam.Reporting.Domain.Reports.Exports;

/// <summary>One insats as Uppföljning Finsam asks for it: its participants in the period by gender.</summary>
public sealed record UppfoljningFinsamRow(string InsatsId, string Name, string Kind, bool Individual, GenderCounts Participants);

/// <summary>
/// The aggregate counts Uppföljning Finsam (Försäkringskassan) takes since 2023: per insats, participants by gender,
/// and the totals of individual and structural insatser. They are the förbund report's per-insats rows (unique persons
/// enrolled at any time in the period, an anonymous enrolment its own person; count-only insatser their registered
/// counts), so the two can never disagree, and a protected report gives protected counts. The totals add the insatser
/// up, as the form does: a person in two insatser counts in each.
/// </summary>
public sealed record UppfoljningFinsamCounts(DateOnly From, DateOnly To, IReadOnlyList<UppfoljningFinsamRow> Insatser, GenderCounts IndividualTotal, GenderCounts StructuralTotal)
{
    /// <summary>From a förbund report (exact or protected).</summary>
    public static UppfoljningFinsamCounts Of(AnnualReport forbund)
    {
        var rows = (forbund.PerInsats ?? throw new ArgumentException("Uppföljning Finsam counts come from the förbund's report.", nameof(forbund)))
            .Select(r => new UppfoljningFinsamRow(r.InsatsId, r.Name, r.Kind, r.Individual, r.ParticipantsByGender))
            .ToList();
        return new UppfoljningFinsamCounts(
            forbund.Scope.From,
            forbund.Scope.To,
            rows,
            Sum(rows.Where(r => r.Individual)),
            Sum(rows.Where(r => !r.Individual)));
    }

    private static GenderCounts Sum(IEnumerable<UppfoljningFinsamRow> rows)
    {
        var list = rows.ToList();
        return new GenderCounts(
            SumOf(list.Select(r => r.Participants.Women)),
            SumOf(list.Select(r => r.Participants.Men)),
            SumOf(list.Select(r => r.Participants.Other)),
            SumOf(list.Select(r => r.Participants.Total)));
    }

    /// <summary>
    /// A sum over a hidden cell is hidden too (".."): shown, it would give the hidden one away through the other rows.
    /// </summary>
    private static Count SumOf(IEnumerable<Count> counts)
    {
        var total = 0;
        foreach (var count in counts)
        {
            if (count.Value is not { } value)
            {
                return new Count(null, Suppression.Secondary);
            }

            total += value;
        }

        return Count.Of(total);
    }
}
