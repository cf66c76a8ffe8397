namespace Finsam.Reporting.Domain.Stays;

/// <summary>
/// Orders two versions of the same part of a stay (its start, its end) whatever order they arrived in: the one
/// that occurred later wins. On a tie in <see cref="OccurredAt"/> a correction beats the original (it can only
/// have been made after it), and two of the same kind are told apart by <see cref="ContentKey"/>, an ordinal
/// comparison of their facts. That last pick is arbitrary but never depends on arrival order, so a rebuild from
/// the journal in any order gives the same stay. An identical version (a duplicate) compares equal and changes nothing.
/// </summary>
public sealed record FactVersion(DateTime OccurredAt, bool IsCorrection, string ContentKey) : IComparable<FactVersion>
{
    public int CompareTo(FactVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        // Events carry OccurredAt in UTC; DateTime compares ticks and ignores Kind.
        var byTime = OccurredAt.CompareTo(other.OccurredAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byKind = IsCorrection.CompareTo(other.IsCorrection);
        return byKind != 0 ? byKind : string.CompareOrdinal(ContentKey, other.ContentKey);
    }

    /// <summary>True when <paramref name="candidate"/> should replace <paramref name="current"/> (strictly newer).</summary>
    public static bool Supersedes(FactVersion candidate, FactVersion? current) => current is null || candidate.CompareTo(current) > 0;

    /// <summary>A stable text of the facts, for the tie-break only.</summary>
    public static string KeyOf(params object?[] parts) =>
        string.Join('\u001f', parts.Select(p => p switch
        {
            null => "\u2400",
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            IEnumerable<string> list when p is not string => string.Join('\u001e', list),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => p.ToString(),
        }));
}
