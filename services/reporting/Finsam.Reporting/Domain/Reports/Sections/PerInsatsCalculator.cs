using System.Globalization;
using Finsam.Reporting.Domain.Insatser;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// The förbund's summary: one row per insats, with its flow figures (per enrolment and persons, anonymous stays
/// included: these are totals) and its participants active in the period by gender, as Uppföljning Finsam asks.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Insatser: every one in the catalogue, plus any a counted stay names that the catalogue doesn't know yet
/// ("Okänd insats", kind "unknown", taken as for individuals since it has participants; no budgeted places).
/// Ordered by name (Swedish collation), then id.</item>
/// <item>Count-only insatser have no stays: their flow figures are zero and their participants by gender are the
/// counts they registered for the period (pinnstatistik, <see cref="CountOnly.CountOnlyBook.CountsFor"/>) —
/// registered counts, not unique persons.</item>
/// <item>Participants by gender: unique persons active in the period (an anonymous stay is its own person), each
/// with the gender as it now stands: the person's corrected gender, else the one their latest-starting stay carried.</item>
/// </list>
/// </remarks>
public static class PerInsatsCalculator
{
    public const string UnknownName = "Okänd insats";
    public const string UnknownKind = "unknown";

    private static readonly StringComparer SwedishOrder = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: false);

    /// <summary>The rows at förbund level; null for one insats' report (the summary is the förbund's alone).</summary>
    public static IReadOnlyList<InsatsSummaryRow>? Compute(ReportInput input)
    {
        if (!input.IsForbund)
        {
            return null;
        }

        var table = input.Table;
        var registered = input.Model.CountRegistrations.CountsByInsats(input.Period);
        var marks = new FlowMarks(table);
        var latest = new PersonSlots(table.Count);
        return [.. KnownInsatser(input).Select(insats =>
        {
            var number = table.InsatsNumberOf(insats.InsatsId);
            var stays = number == StayTable.NoInsats ? [] : table.RowsOf(number);
            var counts = table.CountPeriod(stays, input.Period, marks);
            return new InsatsSummaryRow(
                insats.InsatsId,
                insats.Facts?.Name ?? UnknownName,
                insats.Facts?.Kind ?? UnknownKind,
                insats.Facts?.IsForIndividuals ?? true,
                insats.Facts?.BudgetedPlaces,
                FlowsCalculator.ToFlowCount(counts.Active),
                FlowsCalculator.ToFlowCount(counts.Started),
                FlowsCalculator.ToFlowCount(counts.Ended),
                FlowsCalculator.ToFlowCount(counts.ActiveAtEnd),
                insats.Facts?.Kind == InsatsFacts.CountOnly
                    ? RegisteredGenderCounts(registered.GetValueOrDefault(insats.InsatsId))
                    : PersonGenders(table, ActiveIn(table, stays, input.Period), latest).ToCounts());
        })];
    }

    private static GenderCounts RegisteredGenderCounts(CountOnly.RegisteredCounts? counts) => counts is null
        ? new GenderCounts(Count.Of(0), Count.Of(0), Count.Of(0), Count.Of(0))
        : new GenderCounts(Count.Of(counts.Women), Count.Of(counts.Men), Count.Of(counts.Other), Count.Of(counts.Total));

    /// <summary>
    /// The catalogue's insatser and those only counted stays name, by name then id. At förbund level (the only scope
    /// that asks), the table's insatser are those of every counted stay.
    /// </summary>
    internal static IReadOnlyList<(string InsatsId, InsatsFacts? Facts)> KnownInsatser(ReportInput input) =>
        [.. input.Model.Insatser.Keys
            .Concat(input.Table.InsatsIds)
            .Distinct(StringComparer.Ordinal)
            .Select(id => (InsatsId: id, Facts: input.Model.Insatser.Find(id)))
            .OrderBy(i => i.Facts?.Name ?? UnknownName, SwedishOrder)
            .ThenBy(i => i.InsatsId, StringComparer.Ordinal)];

    /// <summary>One gender per unique person among <paramref name="rows"/>: that of their latest-starting stay as it now stands.</summary>
    /// <param name="latest">Scratch, reused between calls.</param>
    internal static GenderTally PersonGenders(StayTable table, IEnumerable<int> rows, PersonSlots latest)
    {
        var genders = new GenderTally();
        foreach (var person in table.LatestRows(rows, latest))
        {
            genders.Add(table.GenderOf(latest.Get(person)));
        }

        return genders;
    }

    private static List<int> ActiveIn(StayTable table, ReadOnlySpan<int> rows, ReportPeriod period)
    {
        var active = new List<int>();
        foreach (var row in rows)
        {
            if (table.IsActiveIn(row, period))
            {
                active.Add(row);
            }
        }

        return active;
    }
}
