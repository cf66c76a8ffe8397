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
        var table = input.Table;
        var ended = table.EndedInStatistics;
        var toWork = new GenderTally();
        int toStudies = 0, toJobSeeking = 0;
        foreach (var row in ended)
        {
            var sysselsattning = table[row].End!.SysselsattningAtEnd;
            if (IsWork(sysselsattning))
            {
                toWork.Add(table.GenderOf(row));
            }
            else if (sysselsattning == StudiesCode)
            {
                toStudies++;
            }
            else if (sysselsattning == ActiveJobSeekingCode)
            {
                toJobSeeking++;
            }
        }

        var workOrStudies = toWork.Total + toStudies;
        var percent = Percent.Of(workOrStudies, ended.Length);
        var target = input.Insats?.WorkOrStudiesTargetPercent; // null at förbund level: no insats, no target
        return new ResultsSection(
            Count.Of(ended.Length),
            toWork.ToCounts(),
            Count.Of(toStudies),
            Count.Of(toJobSeeking),
            Count.Of(workOrStudies),
            percent,
            target,
            percent is { } share && target is { } aim ? share >= aim : null);
    }

    private static bool IsWork(string sysselsattning)
    {
        for (var i = 0; i < WorkCodes.Count; i++)
        {
            if (string.Equals(WorkCodes[i], sysselsattning, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
