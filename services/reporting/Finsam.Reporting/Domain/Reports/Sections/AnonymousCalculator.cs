namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// "41 met, 6 anonymous, statistics on 35": per enrolment, for the stays active in the period and those ended in it.
/// The "in statistics" figures are the denominators of every individual-level section.
/// </summary>
public static class AnonymousCalculator
{
    public static AnonymousSection Compute(ReportInput input)
    {
        var active = SectionStays.Active(input);
        var ended = SectionStays.Ended(input);
        var activeAnonymous = active.Count(s => s.Anonymous);
        var endedAnonymous = ended.Count(s => s.Anonymous);
        return new AnonymousSection(
            Count.Of(active.Count),
            Count.Of(activeAnonymous),
            Count.Of(active.Count - activeAnonymous),
            Count.Of(ended.Count),
            Count.Of(endedAnonymous),
            Count.Of(ended.Count - endedAnonymous));
    }
}
