namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// Results among the ended of the period (anonymous stays left out), per enrolment, from the sysselsättning at the
/// end as it now stands (a corrected ending counts as corrected).
/// </summary>
/// <remarks>
/// To work: sysselsättning at end "ej-subventionerat-arbete" or "subventionerat-arbete", split by the gender as it
/// now stands (a corrected gender moves the person). To studies: "studier". To active job seeking:
/// "aktivt-arbetssokande". Work or studies is the sum of the first two (one sysselsättning per stay, so no overlap);
/// its share is of the ended and meets the target when it is at least the insats' target. The förbund has no
/// target of its own: the insatser's targets differ.
/// </remarks>
public static class ResultsCalculator
{
    public static readonly IReadOnlyList<string> WorkCodes = ["ej-subventionerat-arbete", "subventionerat-arbete"];
    public const string StudiesCode = "studier";
    public const string ActiveJobSeekingCode = "aktivt-arbetssokande";

    public static ResultsSection Compute(ReportInput input)
    {
        var ended = SectionStays.EndedInStatistics(input);
        var toWork = ended.Where(s => WorkCodes.Contains(s.End!.SysselsattningAtEnd, StringComparer.Ordinal)).ToList();
        var toStudies = ended.Count(s => s.End!.SysselsattningAtEnd == StudiesCode);
        var toJobSeeking = ended.Count(s => s.End!.SysselsattningAtEnd == ActiveJobSeekingCode);
        var workOrStudies = toWork.Count + toStudies;
        var percent = Percent.Of(workOrStudies, ended.Count);
        var target = input.Insats?.WorkOrStudiesTargetPercent; // null at förbund level: no insats, no target
        return new ResultsSection(
            Count.Of(ended.Count),
            SectionRows.GenderCountsOf(toWork.Select(s => SectionStays.GenderOf(input, s))),
            Count.Of(toStudies),
            Count.Of(toJobSeeking),
            Count.Of(workOrStudies),
            percent,
            target,
            percent is { } share && target is { } aim ? share >= aim : null);
    }
}
