namespace Finsam.Reporting.Domain.Reports;

/// <summary>Why a figure isn't shown in a protected (public) report.</summary>
public enum Suppression
{
    /// <summary>Shown as it is.</summary>
    None,

    /// <summary>Primary: a count of 1–4 about people, shown as "&lt;5".</summary>
    Small,

    /// <summary>Secondary: hidden so a total or a neighbour can't give away a small cell, shown as "..".</summary>
    Secondary,
}

/// <summary>
/// A count of people or enrolments. <see cref="Value"/> is exact in the internal view and null when suppressed in a
/// protected one (<see cref="Suppression"/> says why). The calculators always give a value; only
/// <c>SmallNumberProtection</c> hides one.
/// </summary>
public sealed record Count(int? Value, Suppression Suppression = Suppression.None)
{
    public static Count Of(int value) => new(value);

    public static readonly Count Zero = new(0);

    public bool IsSuppressed => Suppression != Suppression.None;
}

/// <summary>A percentage of a named denominator, rounded half away from zero to one decimal; null when the denominator is 0 or hidden.</summary>
public static class Percent
{
    public static decimal? Of(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>One row of a distribution: a code of the domain (ParticipantCodes), its Swedish label, how many, and the share.</summary>
/// <param name="Percent">Of the distribution's <see cref="Distribution.Denominator"/>; null when that is 0 or suppressed.</param>
public sealed record Tally(string Code, string Label, Count Count, decimal? Percent);

/// <summary>
/// Counts over a closed list, of a named denominator (e.g. "avslutade" or "inskrivna"). When
/// <see cref="MultiValued"/> a person can be in several rows (försörjning, end reasons): the rows then sum to more
/// than the denominator and the report says so.
/// </summary>
/// <param name="DenominatorLabel">What the denominator counts, in Swedish, e.g. "avslutade under året".</param>
public sealed record Distribution(Count Denominator, string DenominatorLabel, bool MultiValued, IReadOnlyList<Tally> Rows);

/// <summary>Counts by gender ("woman", "man", "other") and their total.</summary>
public sealed record GenderCounts(Count Women, Count Men, Count Other, Count Total);

/// <summary>Range and mean of a number over <see cref="N"/> people; all null when N is 0 (or hidden when N is small).</summary>
public sealed record NumberSummary(Count N, decimal? Min, decimal? Max, decimal? Mean);
