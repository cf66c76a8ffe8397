namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// "41 met, 6 anonymous, statistics on 35": per enrolment, for the stays active in the period and those ended in it.
/// The "in statistics" figures are the denominators of every individual-level section.
/// </summary>
public static class AnonymousCalculator
{
    public static AnonymousSection Compute(ReportInput input)
    {
        var table = input.Table;
        var active = table.Active;
        var ended = table.Ended;
        var activeAnonymous = active.Count(table.IsAnonymous);
        var endedAnonymous = ended.Count(table.IsAnonymous);
        return new AnonymousSection(
            Count.Of(active.Length),
            Count.Of(activeAnonymous),
            Count.Of(active.Length - activeAnonymous),
            Count.Of(ended.Length),
            Count.Of(endedAnonymous),
            Count.Of(ended.Length - endedAnonymous));
    }
}
