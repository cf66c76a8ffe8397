using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Protection;
using FsCheck.Xunit;
using static Finsam.UnitTests.Reporting.Outputs.SampleReports;

namespace Finsam.UnitTests.Reporting.Outputs;

/// <summary>
/// Generated reports full of small cells: in every additive group (listed here on their own, not taken from the
/// protection) a hidden value can never be recomputed as the total minus the shown cells, every count of 1–4 is
/// hidden, every shown count is exact, and no share is shown for a hidden count.
/// </summary>
public sealed class SmallNumberProtectionPropertyTests
{
    [Property(MaxTest = 300)]
    public void No_hidden_value_can_be_recomputed_from_its_total_and_the_shown_cells(int seed)
    {
        var exact = Generate(new Random(seed));
        var shown = SmallNumberProtection.Protect(exact);

        var exactGroups = Groups(exact);
        var shownGroups = Groups(shown);
        Assert.Equal(exactGroups.Count, shownGroups.Count);
        for (var g = 0; g < exactGroups.Count; g++)
        {
            var (exactTotal, exactParts) = exactGroups[g];
            var (shownTotal, shownParts) = shownGroups[g];
            Cell(exactTotal, shownTotal);
            for (var i = 0; i < exactParts.Count; i++)
            {
                Cell(exactParts[i], shownParts[i]);
            }

            // What a reader can't see: the hidden cells, and what the shown rows leave unaccounted for, if small.
            var remainder = exactTotal.Value!.Value - exactParts.Sum(p => p.Value!.Value);
            var unknowns = shownParts.Count(p => p.IsSuppressed) + (shownTotal.IsSuppressed ? 1 : 0) + (remainder is > 0 and < 5 ? 1 : 0);
            Assert.True(unknowns != 1, $"group {g}: exactly one unknown in {Describe(shownTotal, shownParts)} (exact {Describe(exactTotal, exactParts)})");
        }

        foreach (var tally in shown.Profile.Education.Rows)
        {
            Assert.True(!tally.Count.IsSuppressed || tally.Percent is null);
        }

        foreach (var row in shown.GenderSplit!.Tables.SelectMany(t => t.Rows))
        {
            Assert.True(!row.Women.IsSuppressed || row.WomenPercent is null);
            Assert.True(!row.Men.IsSuppressed || row.MenPercent is null);
        }
    }

    private static void Cell(Count exact, Count shown)
    {
        if (exact.Value is > 0 and < 5)
        {
            Assert.Equal(Suppression.Small, shown.Suppression);
        }

        if (!shown.IsSuppressed)
        {
            Assert.Equal(exact.Value, shown.Value);
        }
    }

    private static string Describe(Count total, IEnumerable<Count> parts) =>
        $"{Text(total)} = {string.Join(" + ", parts.Select(Text))}";

    private static string Text(Count c) => c.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? c.Suppression.ToString();

    /// <summary>The additive groups of the generated parts, in a fixed order, as (total, parts).</summary>
    private static List<(Count Total, IReadOnlyList<Count> Parts)> Groups(AnnualReport r)
    {
        var groups = new List<(Count, IReadOnlyList<Count>)>();
        void Gender(GenderCounts g) => groups.Add((g.Total, [g.Women, g.Men, g.Other]));

        groups.Add((r.Profile.Education.Denominator, [.. r.Profile.Education.Rows.Select(t => t.Count)]));
        Gender(r.Results.ToWork);
        var table = r.Transitions.SysselsattningToSysselsattning;
        foreach (var row in table.Rows)
        {
            Gender(row.People);
        }

        groups.Add((table.Denominator, [.. table.Rows.Select(x => x.People.Total)]));
        foreach (var flows in new[] { r.Flows.Current, r.Flows.Previous })
        {
            groups.Add((flows.Active.Enrolments, [flows.Ended.Enrolments, flows.ActiveAtPeriodEnd.Enrolments]));
        }

        foreach (var row in r.PerInsats!)
        {
            groups.Add((row.Active.Enrolments, [row.Ended.Enrolments, row.ActiveAtPeriodEnd.Enrolments]));
            Gender(row.ParticipantsByGender);
        }

        foreach (var pick in new Func<FlowCounts, FlowCount>[] { f => f.Active, f => f.Started, f => f.Ended, f => f.ActiveAtPeriodEnd })
        {
            groups.Add((pick(r.Flows.Current).Enrolments, [.. r.PerInsats!.Select(x => pick(new FlowCounts(default, default, x.Active, x.Started, x.Ended, x.ActiveAtPeriodEnd)).Enrolments)]));
        }

        foreach (var split in r.GenderSplit!.Tables.Where(t => !t.MultiValued))
        {
            groups.Add((split.WomenDenominator, [.. split.Rows.Select(x => x.Women)]));
            groups.Add((split.MenDenominator, [.. split.Rows.Select(x => x.Men)]));
        }

        return groups;
    }

    /// <summary>A förbund report whose tables are random, mostly small, numbers that add up as real ones do.</summary>
    private static AnnualReport Generate(Random random)
    {
        int N() => random.Next(4) == 0 ? 0 : random.Next(1, random.Next(2) == 0 ? 5 : 15);
        GenderCounts Genders() => G(N(), N(), random.Next(3) == 0 ? N() : 0);

        var baseReport = Forbund();

        var education = Enumerable.Range(0, random.Next(2, 6)).Select(i => ($"u{i}", $"U{i}", N())).ToArray();
        var educationTotal = education.Sum(e => e.Item3) + (random.Next(3) == 0 ? random.Next(0, 7) : 0);

        var transitions = Enumerable.Range(0, random.Next(2, 5)).Select(i => Row("arbetslos", $"t{i}", Genders())).ToList();

        var insatser = Enumerable.Range(0, random.Next(2, 6)).Select(i =>
        {
            var (ended, atEnd) = (N(), N());
            return baseReport.PerInsats![0] with
            {
                InsatsId = $"i{i}",
                Active = Flow(ended + atEnd, ended + atEnd),
                Started = Flow(N(), 1),
                Ended = Flow(ended, ended),
                ActiveAtPeriodEnd = Flow(atEnd, atEnd),
                ParticipantsByGender = Genders(),
            };
        }).ToList();
        int Sum(Func<InsatsSummaryRow, FlowCount> pick) => insatser.Sum(x => pick(x).Enrolments.Value!.Value);
        var current = baseReport.Flows.Current with
        {
            Active = Flow(Sum(x => x.Active), 1),
            Started = Flow(Sum(x => x.Started), 1),
            Ended = Flow(Sum(x => x.Ended), 1),
            ActiveAtPeriodEnd = Flow(Sum(x => x.ActiveAtPeriodEnd), 1),
        };
        var (prevEnded, prevAtEnd) = (N(), N());
        var previous = baseReport.Flows.Previous with { Active = Flow(prevEnded + prevAtEnd, 1), Ended = Flow(prevEnded, 1), ActiveAtPeriodEnd = Flow(prevAtEnd, 1) };

        var splitRows = Enumerable.Range(0, random.Next(2, 5)).Select(i => (Code: $"s{i}", Women: N(), Men: N())).ToList();
        var (women, men) = (splitRows.Sum(x => x.Women), splitRows.Sum(x => x.Men));

        return baseReport with
        {
            Flows = baseReport.Flows with { Current = current, Previous = previous },
            Profile = baseReport.Profile with { Education = Dist(educationTotal, "avslutade", multiValued: false, education) },
            Results = baseReport.Results with { ToWork = Genders() },
            Transitions = baseReport.Transitions with
            {
                SysselsattningToSysselsattning = new TransitionTable("t", C(transitions.Sum(t => t.People.Total.Value!.Value)), "avslutade", MultiValued: false, transitions),
            },
            PerInsats = insatser,
            GenderSplit = new GenderSplitSection(C(women), C(men),
            [
                new GenderSplitTable("s", "S", C(women), C(men), MultiValued: false, [.. splitRows.Select(x => Split(x.Code, x.Code, x.Women, x.Men, women, men))]),
            ]),
        };
    }
}
