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

    /// <summary>
    /// Generated reports whose linked figures agree as a built report's do (the same quantity in several sections, a
    /// row's enrolments and persons, an insats' participants and its active persons): checked here from a list of its
    /// own, not the protection's, that of two figures that are the same quantity never exactly one is hidden; that in the
    /// additive groups (to work or studies, the anonymous split, persons over insatser, …) no single unknown is left; and
    /// that no "&lt;5" is pinned to one value by its group's shown total and cells, given that "&lt;5" is 1–4 and ".." is
    /// at least 5. Each group is attacked on its own: bounds carried from one group into another are not tried.
    /// </summary>
    [Property(MaxTest = 300)]
    public void Linked_figures_are_hidden_together_and_no_group_pins_a_hidden_cell(int seed)
    {
        var exact = GenerateLinked(new Random(seed));
        var shown = SmallNumberProtection.Protect(exact);

        var exactPairs = Links(exact);
        var shownPairs = Links(shown);
        for (var i = 0; i < exactPairs.Count; i++)
        {
            var (name, a, b) = exactPairs[i];
            Assert.Equal(a.Value, b.Value); // the generator's own consistency
            Cell(a, shownPairs[i].A);
            Cell(b, shownPairs[i].B);
            Assert.True(
                shownPairs[i].A.IsSuppressed == shownPairs[i].B.IsSuppressed,
                $"{name}: {a.Value} shown as {Text(shownPairs[i].A)} in one place and {Text(shownPairs[i].B)} in the other");
        }

        var exactGroups = LinkedGroups(exact);
        var shownGroups = LinkedGroups(shown);
        for (var g = 0; g < exactGroups.Count; g++)
        {
            var (name, exactTotal, exactParts) = exactGroups[g];
            var (_, shownTotal, shownParts) = shownGroups[g];
            var unknowns = shownParts.Count(p => p.IsSuppressed) + (shownTotal.IsSuppressed ? 1 : 0);
            Assert.True(unknowns != 1, $"{name}: exactly one unknown in {Describe(shownTotal, shownParts)} (exact {Describe(exactTotal, exactParts)})");
            if (!shownTotal.IsSuppressed && unknowns > 1)
            {
                var left = exactTotal.Value!.Value - shownParts.Where(p => !p.IsSuppressed).Sum(p => p.Value!.Value);
                var hidden = shownParts.Where(p => p.IsSuppressed).ToList();
                foreach (var (cell, values) in hidden.Select((c, i) => (c, Feasible(hidden, left, i))))
                {
                    Assert.True(
                        cell.Suppression != Suppression.Small || values.Count > 1,
                        $"{name}: a <5 can only be {string.Join(",", values)} in {Describe(shownTotal, shownParts)} (exact {Describe(exactTotal, exactParts)})");
                }
            }
        }
    }

    /// <summary>The values hidden cell <paramref name="index"/> can take when the hidden cells add up to <paramref name="left"/>.</summary>
    private static HashSet<int> Feasible(IReadOnlyList<Count> hidden, int left, int index)
    {
        var found = new HashSet<int>();
        void Walk(int i, int rest, int mine)
        {
            if (i == hidden.Count)
            {
                if (rest == 0)
                {
                    found.Add(mine);
                }

                return;
            }

            var (low, high) = hidden[i].Suppression == Suppression.Small ? (1, 4) : (5, rest);
            for (var v = low; v <= Math.Min(high, rest); v++)
            {
                Walk(i + 1, rest - v, i == index ? v : mine);
            }
        }

        Walk(0, left, 0);
        return found;
    }

    /// <summary>Pairs of figures that are one quantity, in a fixed order.</summary>
    private static List<(string Name, Count A, Count B)> Links(AnnualReport r)
    {
        var pairs = new List<(string, Count, Count)>();
        var p = r.Profile;
        var t = r.Transitions;
        var ended = r.Anonymous.EndedInStatistics;
        foreach (var (name, same) in new (string, Count)[]
        {
            ("results.ended", r.Results.Ended), ("profile.ended", p.Ended), ("origin.ended", r.Origin.Ended),
            ("profile.gender", p.Gender.Denominator), ("profile.age", p.AgeBands.Denominator), ("profile.education", p.Education.Denominator),
            ("profile.forsorjning", p.ForsorjningAtStart.Denominator), ("profile.time", p.TimeInInsatsBands.Denominator),
            ("profile.endReasons", p.EndReasons.Denominator), ("profile.months.n", p.MonthsInInsats.N), ("profile.days.n", p.DaysInInsats.N),
            ("origin.days.n", r.Origin.DaysInInsats.N), ("f-s", t.ForsorjningToSysselsattning.Denominator),
            ("f-f", t.ForsorjningToForsorjning.Denominator), ("s-s", t.SysselsattningToSysselsattning.Denominator),
        })
        {
            pairs.Add(($"anonymous.endedInStatistics ≡ {name}", ended, same));
        }

        foreach (var (name, same) in new (string, Count)[] { ("origin.enrolled", r.Origin.Enrolled), ("referrals", r.Origin.ReferralsByAgency.Denominator), ("plans.enrolled", r.Plans.Enrolled) })
        {
            pairs.Add(($"anonymous.activeInStatistics ≡ {name}", r.Anonymous.ActiveInStatistics, same));
        }

        pairs.Add(("anonymous.activeTotal ≡ flows active", r.Anonymous.ActiveTotal, r.Flows.Current.Active.Enrolments));
        pairs.Add(("anonymous.endedTotal ≡ flows ended", r.Anonymous.EndedTotal, r.Flows.Current.Ended.Enrolments));

        void Flows(string name, FlowCount active, FlowCount started, FlowCount end, FlowCount atEnd)
        {
            foreach (var (what, f) in new[] { ("active", active), ("started", started), ("ended", end), ("atEnd", atEnd) })
            {
                pairs.Add(($"{name} {what}: enrolments ≡ persons", f.Enrolments, f.Persons));
            }
        }

        Flows("flows", r.Flows.Current.Active, r.Flows.Current.Started, r.Flows.Current.Ended, r.Flows.Current.ActiveAtPeriodEnd);
        foreach (var row in r.PerInsats!)
        {
            Flows(row.InsatsId, row.Active, row.Started, row.Ended, row.ActiveAtPeriodEnd);
            pairs.Add(($"{row.InsatsId}: participants ≡ active persons", row.ParticipantsByGender.Total, row.Active.Persons));
        }

        return pairs;
    }

    /// <summary>The additive groups of the linked generator's figures, as (name, total, parts).</summary>
    private static List<(string Name, Count Total, IReadOnlyList<Count> Parts)> LinkedGroups(AnnualReport r)
    {
        var groups = new List<(string, Count, IReadOnlyList<Count>)>
        {
            ("to work or studies", r.Results.ToWorkOrStudies, [r.Results.ToWork.Total, r.Results.ToStudies]),
            ("to work", r.Results.ToWork.Total, [r.Results.ToWork.Women, r.Results.ToWork.Men, r.Results.ToWork.Other]),
            ("anonymous active", r.Anonymous.ActiveTotal, [r.Anonymous.ActiveAnonymous, r.Anonymous.ActiveInStatistics]),
            ("anonymous ended", r.Anonymous.EndedTotal, [r.Anonymous.EndedAnonymous, r.Anonymous.EndedInStatistics]),
            ("flows", r.Flows.Current.Active.Enrolments, [r.Flows.Current.Ended.Enrolments, r.Flows.Current.ActiveAtPeriodEnd.Enrolments]),
            ("origin", r.Origin.Enrolled, [r.Origin.Ended, r.Origin.Ongoing]),
            ("referrals", r.Origin.ReferralsByAgency.Denominator, [.. r.Origin.ReferralsByAgency.Rows.Select(x => x.Count)]),
            ("ages", r.Profile.AgeBands.Denominator, [.. r.Profile.AgeBands.Rows.Select(x => x.Count)]),
            ("persons over insatser", r.Flows.Current.Active.Persons, [.. r.PerInsats!.Select(x => x.Active.Persons)]),
        };
        foreach (var row in r.PerInsats!)
        {
            groups.Add(($"{row.InsatsId} flows", row.Active.Enrolments, [row.Ended.Enrolments, row.ActiveAtPeriodEnd.Enrolments]));
            groups.Add(($"{row.InsatsId} participants", row.ParticipantsByGender.Total, [row.ParticipantsByGender.Women, row.ParticipantsByGender.Men, row.ParticipantsByGender.Other]));
        }

        return groups;
    }

    /// <summary>
    /// A report built on <see cref="SampleReports.Consistent"/>: random small ended / still enrolled / anonymous counts,
    /// results, referrals and age bands that add up, and 2–3 insatser (one person per enrolment) that add up to them.
    /// </summary>
    private static AnnualReport GenerateLinked(Random random)
    {
        List<int> Split(int total, int parts)
        {
            var cuts = Enumerable.Range(0, parts - 1).Select(_ => random.Next(0, total + 1)).Order().ToList();
            return [.. cuts.Append(total).Zip(cuts.Prepend(0), (hi, lo) => hi - lo)];
        }

        int Small() => random.Next(3) == 0 ? 0 : random.Next(0, random.Next(2) == 0 ? 5 : 16);
        var (inStatisticsEnded, anonymousEnded, atEnd) = (Small(), random.Next(3) == 0 ? random.Next(1, 5) : 0, Small());
        var ended = inStatisticsEnded + anonymousEnded;
        var active = ended + atEnd;
        var anonymousActive = anonymousEnded + (random.Next(3) == 0 ? random.Next(0, atEnd + 1) : 0);
        var report = Consistent(active, ended, anonymousActive, anonymousEnded);
        var inStatistics = active - anonymousActive;

        var work = Split(inStatisticsEnded, 4); // women, men to work; to studies; neither
        var ages = Split(inStatisticsEnded, 3);
        var agencies = Split(inStatistics, 3);
        var count = random.Next(2, 4);
        var (endedPer, atEndPer) = (Split(ended, count), Split(atEnd, count));
        var template = Forbund().PerInsats![0];
        var insatser = Enumerable.Range(0, count).Select(i =>
        {
            var all = endedPer[i] + atEndPer[i];
            var women = random.Next(0, all + 1);
            return template with
            {
                InsatsId = $"i{i}",
                Active = Flow(all, all),
                Started = Flow(all, all),
                Ended = Flow(endedPer[i], endedPer[i]),
                ActiveAtPeriodEnd = Flow(atEndPer[i], atEndPer[i]),
                ParticipantsByGender = G(women, all - women),
            };
        }).ToList();

        return report with
        {
            Scope = report.Scope with { InsatsId = null, InsatsName = null, InsatsKind = null },
            Results = report.Results with
            {
                ToWork = G(work[0], work[1]),
                ToStudies = C(work[2]),
                ToWorkOrStudies = C(work[0] + work[1] + work[2]),
                WorkOrStudiesPercent = Percent.Of(work[0] + work[1] + work[2], inStatisticsEnded),
            },
            Profile = report.Profile with
            {
                AgeBands = Dist(inStatisticsEnded, "avslutade", multiValued: false, [.. ages.Select((n, i) => ($"a{i}", $"A{i}", n))]),
            },
            Origin = report.Origin with
            {
                ReferralsByAgency = Dist(inStatistics, "inskrivna", multiValued: false, [.. agencies.Select((n, i) => ($"r{i}", $"R{i}", n))]),
            },
            PerInsats = insatser,
        };
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
