using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.Insatser;

namespace Finsam.Reporting.Domain.Reports.Exports;

/// <summary>One insats as Uppföljning Finsam asks for it: its participants in the period by gender.</summary>
public sealed record UppfoljningFinsamRow(string InsatsId, string Name, string Kind, bool Individual, GenderCounts Participants);

/// <summary>
/// The aggregate counts Uppföljning Finsam (Försäkringskassan) takes since 2023: per insats, participants (unique
/// persons enrolled at any time in the period; an anonymous enrolment is its own person) by gender, and the totals
/// of individual and structural insatser. The totals add the insatser up, as the form does: a person in two insatser
/// counts in each. Count-only insatser (pinnstatistik) give the counts they registered for the period.
/// </summary>
public sealed record UppfoljningFinsamCounts(DateOnly From, DateOnly To, IReadOnlyList<UppfoljningFinsamRow> Insatser, GenderCounts IndividualTotal, GenderCounts StructuralTotal)
{
    public static UppfoljningFinsamCounts For(ReportInput input)
    {
        var period = input.Period;
        var active = input.CountedStays
            .Where(s => s.StartDate <= period.To && (s.EndDate is not { } end || end >= period.From))
            .ToList();

        var insatsIds = input.Model.Insatser.Entities.Select(i => i.InsatsId)
            .Concat(active.Select(s => s.InsatsId!))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        var registered = input.Model.CountRegistrations.CountsByInsats(period);
        var rows = new List<UppfoljningFinsamRow>();
        foreach (var insatsId in insatsIds)
        {
            var facts = input.Model.Insatser.Find(insatsId);
            var ofInsats = active.Where(s => string.Equals(s.InsatsId, insatsId, StringComparison.Ordinal));
            rows.Add(new UppfoljningFinsamRow(
                insatsId,
                facts?.Name ?? "Okänd insats",
                facts?.Kind ?? "",
                facts?.IsForIndividuals ?? true,
                facts?.Kind == InsatsFacts.CountOnly ? Registered(registered.GetValueOrDefault(insatsId)) : CountPersons(ofInsats, input)));
        }

        return new UppfoljningFinsamCounts(
            period.From,
            period.To,
            rows,
            Sum(rows.Where(r => r.Individual)),
            Sum(rows.Where(r => !r.Individual)));
    }

    /// <summary>Unique persons by gender (as it now stands): a person in two stays of the insats counts once.</summary>
    private static GenderCounts CountPersons(IEnumerable<Stays.Stay> stays, ReportInput input)
    {
        var byPerson = new Dictionary<string, string>(StringComparer.Ordinal);
        int women = 0, men = 0, other = 0;
        foreach (var stay in stays)
        {
            var gender = input.Model.Persons.GenderOf(stay.ParticipantId) ?? stay.Gender;
            if (!stay.Anonymous)
            {
                if (!byPerson.TryAdd(stay.ParticipantId!, gender ?? ""))
                {
                    continue;
                }
            }

            switch (gender)
            {
                case ParticipantGenders.Woman: women++; break;
                case ParticipantGenders.Man: men++; break;
                default: other++; break;
            }
        }

        return new GenderCounts(Count.Of(women), Count.Of(men), Count.Of(other), Count.Of(women + men + other));
    }

    private static GenderCounts Registered(CountOnly.RegisteredCounts? counts) => counts is null
        ? new GenderCounts(Count.Of(0), Count.Of(0), Count.Of(0), Count.Of(0))
        : new GenderCounts(Count.Of(counts.Women), Count.Of(counts.Men), Count.Of(counts.Other), Count.Of(counts.Total));

    private static GenderCounts Sum(IEnumerable<UppfoljningFinsamRow> rows)
    {
        int women = 0, men = 0, other = 0;
        foreach (var row in rows)
        {
            women += row.Participants.Women.Value ?? 0;
            men += row.Participants.Men.Value ?? 0;
            other += row.Participants.Other.Value ?? 0;
        }

        return new GenderCounts(Count.Of(women), Count.Of(men), Count.Of(other), Count.Of(women + men + other));
    }
}
