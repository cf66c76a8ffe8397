namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// Where the participants of the period came from and how their stays stand, per enrolment. Like every section
/// after the totals, anonymous stays are left out (the anonymous section says how many), so the referral shares and
/// the status counts rest on the same enrolments.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Referrals: the agency of the referral each stay active in the period came from (fk, af, kommun, region,
/// annan; any case); a stay without one is "ingen" (Ingen remiss). Shares are of <see cref="OriginSection.Enrolled"/>.</item>
/// <item>Inskrivna: active in the period; avslutade: ended in it; pågående: still enrolled on its last day.</item>
/// <item>Avbrutit: ended in the period with at least one reason saying the stay broke off rather than reached a next
/// step: utan mätning, medgivande återtaget, flytt or sjukdom (<see cref="DiscontinuedReasons"/>).</item>
/// <item>Days in insats of the ended: end − start.</item>
/// </list>
/// </remarks>
public static class OriginCalculator
{
    public const string NoReferral = "ingen";

    public static readonly IReadOnlyList<string> DiscontinuedReasons = ["utan-matning", "medgivande-aterataget", "flytt", "sjukdom"];

    internal static readonly IReadOnlyList<CodeLabel> Agencies =
    [
        new("fk", "Försäkringskassan"),
        new("af", "Arbetsförmedlingen"),
        new("kommun", "Kommun"),
        new("region", "Region"),
        new("annan", "Annan"),
        new(NoReferral, "Ingen remiss"),
    ];

    public static OriginSection Compute(ReportInput input)
    {
        var table = input.Table;
        var period = input.Period;
        var referrals = new CodeCounts();
        var stillEnrolled = 0;
        foreach (var row in table.Active)
        {
            if (table.IsAnonymous(row))
            {
                continue;
            }

            var agency = table[row].Identity!.ReferringAgency;
            referrals.Add(string.IsNullOrWhiteSpace(agency) ? NoReferral : agency.Trim().ToLowerInvariant());
            if (table.IsActiveAtEndOf(row, period))
            {
                stillEnrolled++;
            }
        }

        var ended = table.EndedInStatistics;
        var discontinued = 0;
        var days = new List<int>(ended.Length);
        foreach (var row in ended)
        {
            var stay = table[row];
            if (BrokeOff(stay.End!.Reasons))
            {
                discontinued++;
            }

            days.Add(SectionStays.DaysIn(stay));
        }

        return new OriginSection(
            referrals.ToDistribution(Agencies, SectionStays.During(period, "inskrivna")),
            Count.Of(referrals.Items),
            Count.Of(ended.Length),
            Count.Of(stillEnrolled),
            Count.Of(discontinued),
            SectionRows.Summary(days));
    }

    /// <summary>At least one of the reasons is one of <see cref="DiscontinuedReasons"/> (ordinal).</summary>
    private static bool BrokeOff(IReadOnlyList<string> reasons)
    {
        for (var i = 0; i < reasons.Count; i++)
        {
            for (var j = 0; j < DiscontinuedReasons.Count; j++)
            {
                if (string.Equals(reasons[i], DiscontinuedReasons[j], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
