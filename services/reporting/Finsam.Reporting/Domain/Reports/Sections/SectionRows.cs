using Finsam.IntegrationEvents.Participants.V1;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>One code of a closed list and its Swedish label.</summary>
internal sealed record CodeLabel(string Code, string Label);

/// <summary>
/// Turns per-stay codes into the rows of a table: every code of the closed list in the list's order, zero rows
/// included so a table has the same lines every year; a code the list doesn't know (an event written before a
/// code was renamed) is kept, after the known ones, under its own code, so no stay silently drops out of a sum.
/// </summary>
internal static class SectionRows
{
    public const string Unknown = "okand";
    public const string UnknownLabel = "Okänd";

    public static readonly IReadOnlyList<CodeLabel> Genders =
        [new(ParticipantGenders.Woman, "Kvinnor"), new(ParticipantGenders.Man, "Män"), new(ParticipantGenders.Other, "Annat")];

    /// <summary>
    /// The codes of one of <see cref="ParticipantCodes"/>' lists in their written order (a Dictionary that is never
    /// removed from enumerates in insertion order).
    /// </summary>
    public static IReadOnlyList<CodeLabel> InOrder(IReadOnlyDictionary<string, string> codes) =>
        codes.Select(pair => new CodeLabel(pair.Key, pair.Value)).ToList();

    /// <summary>The list with an "okand" / "Okänd" row last, for a fact that may be missing.</summary>
    public static IReadOnlyList<CodeLabel> WithUnknown(IReadOnlyList<CodeLabel> codes) =>
        codes.Any(c => c.Code == Unknown) ? codes : [.. codes, new CodeLabel(Unknown, UnknownLabel)];

    /// <summary>
    /// How many items have each code: an item with a code twice counts once in that row (multi-valued facts put an
    /// item in several rows). Known codes first in list order, then unknown ones seen, ordinal.
    /// </summary>
    public static IReadOnlyList<(CodeLabel Code, int Count)> CountRows(IReadOnlyList<CodeLabel> codes, IEnumerable<IEnumerable<string>> items)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            foreach (var code in DistinctCodes(item))
            {
                counts[code] = counts.GetValueOrDefault(code) + 1;
            }
        }

        return RowsOf(codes, counts.Keys).Select(c => (c, counts.GetValueOrDefault(c.Code))).ToList();
    }

    /// <summary>
    /// One item's codes, each once (ordinal), in first-seen order: what <c>Distinct(StringComparer.Ordinal)</c> gives,
    /// without a hash set per item. An item has a handful of codes (a multi-valued fact), and the sections count
    /// hundreds of thousands of items, so the set was most of the counting's time.
    /// </summary>
    public static IEnumerable<string> DistinctCodes(IEnumerable<string> codes)
    {
        if (codes is IReadOnlyList<string> { Count: <= 1 } single)
        {
            return single;
        }

        var distinct = new List<string>(4);
        foreach (var code in codes)
        {
            if (!distinct.Exists(c => string.Equals(c, code, StringComparison.Ordinal)))
            {
                distinct.Add(code);
            }
        }

        return distinct;
    }

    /// <summary>The list's codes in order, then the <paramref name="seen"/> codes it doesn't know (ordinal), labelled by their code.</summary>
    public static IReadOnlyList<CodeLabel> RowsOf(IReadOnlyList<CodeLabel> codes, IEnumerable<string> seen)
    {
        var known = codes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var extra = seen.Where(code => !known.Contains(code)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. codes, .. extra.Select(code => new CodeLabel(code, code))];
    }

    /// <summary>A distribution over <paramref name="items"/> (the denominator: one per item).</summary>
    public static Distribution Distribution(
        IReadOnlyList<CodeLabel> codes, IReadOnlyCollection<IEnumerable<string>> items, string denominatorLabel, bool multiValued)
    {
        var denominator = items.Count;
        var rows = CountRows(codes, items)
            .Select(row => new Tally(row.Code.Code, row.Code.Label, Count.Of(row.Count), Percent.Of(row.Count, denominator)))
            .ToList();
        return new Distribution(Count.Of(denominator), denominatorLabel, multiValued, rows);
    }

    /// <summary>A single-valued distribution: one code per item.</summary>
    public static Distribution Distribution(IReadOnlyList<CodeLabel> codes, IReadOnlyCollection<string> items, string denominatorLabel) =>
        Distribution(codes, items.Select(code => (IEnumerable<string>)[code]).ToList(), denominatorLabel, multiValued: false);

    /// <summary>Counts by gender: "woman", "man", and everything else as other; <see cref="GenderCounts.Total"/> is all of them.</summary>
    public static GenderCounts GenderCountsOf(IEnumerable<string> genders)
    {
        int women = 0, men = 0, other = 0;
        foreach (var gender in genders)
        {
            switch (gender)
            {
                case ParticipantGenders.Woman: women++; break;
                case ParticipantGenders.Man: men++; break;
                default: other++; break;
            }
        }

        return new GenderCounts(Count.Of(women), Count.Of(men), Count.Of(other), Count.Of(women + men + other));
    }

    /// <summary>Range and mean (one decimal, half away from zero) of the values; all null when there are none.</summary>
    public static NumberSummary Summary(IEnumerable<int> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return new NumberSummary(Count.Zero, null, null, null);
        }

        var mean = Math.Round((decimal)list.Sum(v => (long)v) / list.Count, 1, MidpointRounding.AwayFromZero);
        return new NumberSummary(Count.Of(list.Count), list.Min(), list.Max(), mean);
    }
}
