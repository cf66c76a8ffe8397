namespace Finsam.Reporting.Domain.Reports.Protection;

/// <summary>
/// Turns the exact report into the public (protected) one, so that no published figure tells how many of 1–4 people
/// something is true of.
/// <list type="bullet">
/// <item><b>Primary</b>: every count of people or enrolments of 1–4 is hidden (<see cref="Suppression.Small"/>, "&lt;5").
/// 0 stays shown: "no one" points at nobody. Counts of things (groups, träffar) are not about people and stay.</item>
/// <item><b>Derived figures</b>: a percentage whose part or whole is hidden, and a mean / range over a hidden n, become
/// null. A range over n ≥ 5 is shown, as real reports do ("between 1 and 8 years").</item>
/// <item><b>Secondary</b>: in every group whose cells add up to a published total — a single-valued distribution and its
/// denominator, <see cref="GenderCounts"/> and its total, a transition row's genders and its total, a single-valued
/// transition table's rows and its denominator, a single-valued gender-split table's women (and men) column and its
/// denominator, evaluation and survey answer distributions and their n, the anonymous split (anonymous + in statistics
/// = total), active = ended + active at the end (enrolments, both periods, and per insats), inskrivna = avslutade + pågående, and the
/// per-insats enrolment columns against the förbund's flows — when exactly one member is hidden, the smallest other
/// shown non-zero cell is hidden too (<see cref="Suppression.Secondary"/>, ".."), repeated until no group has exactly
/// one hidden member. A total is hidden only when no cell is left to hide: totals recur across sections, so hiding
/// one in a single table would protect nothing.</item>
/// <item>A group whose cells don't add up to its total (e.g. "unknown" left out) has an unpublished remainder; a
/// remainder of 1–4 counts as a hidden member, so one more cell is hidden and it can't be recomputed.</item>
/// <item>Multi-valued distributions (försörjning, end reasons) have no additive total: primary only. Enrolments vs
/// persons aren't additive with each other either: persons get primary only.</item>
/// </list>
/// The same quantity published in several sections, and a row's enrolments and persons, are linked (hidden in one
/// place, hidden in all; see <see cref="IReportVisitor.Link"/>).
/// Not protected here: a figure's complement against a published total (e.g. "8 of 10 improved" tells 2 did not), and
/// bounds a reader carries from one group into another (each group is protected on its own).
/// </summary>
public static class SmallNumberProtection
{
    /// <summary>Counts below this (and above 0) are hidden.</summary>
    public const int Threshold = 5;

    public static AnnualReport Protect(AnnualReport exact)
    {
        // Pass 1 gives every count position a fresh instance (primary applied) and records the additive groups over
        // those instances; the secondary rule then runs on them; pass 2 writes the final counts and clears derived
        // figures that rest on a hidden count.
        var primary = new PrimaryPass();
        var first = ReportRewriter.Rewrite(exact, primary);
        primary.ApplySecondary();
        var final = ReportRewriter.Rewrite(first, new FinalPass(primary.Cells));
        return final with { Scope = final.Scope with { Protected = true } };
    }

    internal static bool IsSmall(int value) => value is > 0 and < Threshold;

    /// <summary>One published count position: its exact value and how it is shown.</summary>
    internal sealed class Cell(int? exact, Suppression suppression)
    {
        public int? Exact { get; } = exact;

        public Suppression Suppression { get; set; } = suppression;

        public bool Hidden => Suppression != Suppression.None;
    }

    private sealed class PrimaryPass : IReportVisitor
    {
        private readonly List<(Count Total, Count[] Parts)> groups = [];
        private readonly List<(Count A, Count B)> links = [];

        public Dictionary<Count, Cell> Cells { get; } = new(ReferenceEqualityComparer.Instance);

        public Count People(Count count)
        {
            var suppression = count.Suppression != Suppression.None ? count.Suppression
                : count.Value is { } v && IsSmall(v) ? Suppression.Small
                : Suppression.None;
            var fresh = suppression == Suppression.None ? new Count(count.Value) : new Count(null, suppression);
            Cells[fresh] = new Cell(count.Value, suppression);
            return fresh;
        }

        public void Sum(Count total, IReadOnlyList<Count> parts) => groups.Add((total, [.. parts]));

        public void Link(Count a, Count b) => links.Add((a, b));

        public decimal? Derived(decimal? value, params Count[] from) => from.Any(c => c.IsSuppressed) ? null : value;

        public void ApplySecondary()
        {
            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var (total, parts) in groups)
                {
                    changed |= ProtectGroup(Cells[total], [.. parts.Select(p => Cells[p])]);
                }

                foreach (var (a, b) in links)
                {
                    changed |= ProtectLink(Cells[a], Cells[b]);
                }
            }
        }

        /// <returns>True when it hid another cell.</returns>
        private static bool ProtectGroup(Cell total, IReadOnlyList<Cell> parts)
        {
            var hidden = parts.Count(p => p.Hidden) + (total.Hidden ? 1 : 0);
            if (total.Exact is { } t && parts.All(p => p.Exact is not null))
            {
                var remainder = t - parts.Sum(p => p.Exact!.Value);
                if (remainder < 0)
                {
                    return false; // not additive after all (a multi-valued list): nothing to recompute
                }

                if (IsSmall(remainder))
                {
                    hidden++;
                }
            }

            if (hidden == 0 || (hidden > 1 && !PinsASmallCell(total, parts)))
            {
                return false;
            }

            var next = parts.Where(p => !p.Hidden && p.Exact > 0).MinBy(p => p.Exact)
                ?? (!total.Hidden && total.Exact > 0 ? total : null);
            if (next is null)
            {
                return false;
            }

            next.Suppression = Suppression.Secondary;
            return true;
        }
    }

    /// <summary>The same quantity (or enrolments and persons of one row) in two places: hidden in one, hidden in both.</summary>
    private static bool ProtectLink(Cell a, Cell b)
    {
        if (a.Hidden == b.Hidden)
        {
            return false;
        }

        var shown = a.Hidden ? b : a;
        if (shown.Exact is not > 0)
        {
            return false;
        }

        shown.Suppression = Suppression.Secondary;
        return true;
    }

    /// <summary>
    /// True when the shown total and shown parts pin a hidden small cell to one value. A reader knows a "&lt;5" is 1–4
    /// and a ".." is at least 5 (it was the smallest shown non-zero cell), so with a total of 6 a ".." and a "&lt;5" must
    /// be 5 and 1. Then one more cell is hidden.
    /// </summary>
    private static bool PinsASmallCell(Cell total, IReadOnlyList<Cell> parts)
    {
        if (total.Hidden || total.Exact is not { } t || parts.Any(p => p.Exact is null))
        {
            return false;
        }

        var hiddenParts = parts.Where(p => p.Hidden).ToList();
        var remainder = t - parts.Where(p => !p.Hidden).Sum(p => p.Exact!.Value);
        foreach (var cell in hiddenParts.Where(p => p.Suppression == Suppression.Small))
        {
            // What the others can hold at least and at most; a ".." has no upper bound.
            var othersLow = hiddenParts.Where(p => p != cell).Sum(p => p.Suppression == Suppression.Small ? 1 : Threshold);
            var othersUnbounded = hiddenParts.Any(p => p != cell && p.Suppression != Suppression.Small);
            var othersHigh = hiddenParts.Where(p => p != cell).Sum(p => Threshold - 1);
            var low = Math.Max(1, othersUnbounded ? 1 : remainder - othersHigh);
            var high = Math.Min(Threshold - 1, remainder - othersLow);
            if (low >= high)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class FinalPass(IReadOnlyDictionary<Count, Cell> cells) : IReportVisitor
    {
        public Count People(Count count) =>
            cells.TryGetValue(count, out var cell) && cell.Hidden ? new Count(null, cell.Suppression) : count;

        public void Sum(Count total, IReadOnlyList<Count> parts)
        {
        }

        public void Link(Count a, Count b)
        {
        }

        public decimal? Derived(decimal? value, params Count[] from) => from.Any(c => c.IsSuppressed) ? null : value;
    }
}
