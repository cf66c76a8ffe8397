using Finsam.Platform.Ids;

namespace Finsam.Activities.Domain.Counts;

/// <summary>How many took part, by gender. Counts only: a count-only insats never names anyone.</summary>
public sealed record CountsByGender(int Women, int Men, int Other)
{
    public int Total => Women + Men + Other;
}

/// <summary>
/// Pinnstatistik: counts by gender registered for one period of a count-only insats. A correction replaces the
/// period and the counts and keeps what they were in <see cref="Corrections"/>, with who corrected them, when and why.
/// </summary>
public sealed record InsatsCountRegistration(
    string Id,
    string InsatsId,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    CountsByGender Counts,
    string RegisteredBy,
    DateTime RegisteredAt)
{
    /// <summary>Earlier values, oldest first.</summary>
    public IReadOnlyList<InsatsCountCorrection> Corrections { get; init; } = [];

    /// <summary>The stored version (the etag); 0 before it is stored.</summary>
    public long Version { get; init; }

    public static string NewId() => SequentialIds.Next();

    /// <summary>The registration with the new period and counts, the values it replaces kept as a correction.</summary>
    public InsatsCountRegistration Correct(DateOnly periodFrom, DateOnly periodTo, CountsByGender counts, string correctedBy, DateTime correctedAt, string reason) =>
        this with
        {
            PeriodFrom = periodFrom,
            PeriodTo = periodTo,
            Counts = counts,
            Corrections = [.. Corrections, new InsatsCountCorrection(PeriodFrom, PeriodTo, Counts, correctedBy, correctedAt, reason)],
        };
}

/// <summary>What a registration said before a correction, who corrected it, when and why.</summary>
public sealed record InsatsCountCorrection(
    DateOnly PreviousPeriodFrom,
    DateOnly PreviousPeriodTo,
    CountsByGender PreviousCounts,
    string CorrectedBy,
    DateTime CorrectedAt,
    string Reason);
