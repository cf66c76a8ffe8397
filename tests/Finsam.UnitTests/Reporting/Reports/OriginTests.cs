using Finsam.Reporting.Domain.Reports.Sections;
using static Finsam.UnitTests.Reporting.Reports.ReportRows;

namespace Finsam.UnitTests.Reporting.Reports;

public sealed class OriginTests
{
    // Active in 2025 (not anonymous):
    //   e1 p1 fk,      1 Mar 2024–1 Feb 2025 (337 days), ended [arbete-heltid]
    //   e2 p2 af,      10 Jan–1 Mar 2025 (50 days), ended [flytt, ovrigt]: broke off
    //   e3 p1 kommun,  from 1 Apr 2025: ongoing (p1's second stay)
    //   e4 p3 no referral, 1 May–31 Dec 2025 (244 days), ended [utan-matning]: broke off, not ongoing at the year's end
    //   e5 p4 "FK",    from 1 Nov 2025: ongoing
    //   e6 p5 region,  1 Jun–1 Jul 2025 (30 days), ended [sjukdom] corrected to [arbete-deltid]
    // Not counted: e7 anonymous, e8 starts in 2026, e9 ended in 2024, e10 an ending whose start never arrived.
    private static ReportHistory History() => new ReportHistory()
        .Insats("ips")
        .Enrol("e1", "p1", "2024-03-01", agency: "fk").End("e1", "2025-02-01", reasons: ["arbete-heltid"])
        .Enrol("e2", "p2", "2025-01-10", agency: "af").End("e2", "2025-03-01", reasons: ["flytt", "ovrigt"])
        .Enrol("e3", "p1", "2025-04-01", agency: "kommun")
        .Enrol("e4", "p3", "2025-05-01", agency: null).End("e4", "2025-12-31", reasons: ["utan-matning"])
        .Enrol("e5", "p4", "2025-11-01", agency: "FK")
        .Enrol("e6", "p5", "2025-06-01", agency: "region").End("e6", "2025-07-01", reasons: ["sjukdom"])
        .EnrolAnonymous("e7", "2025-02-01")
        .Enrol("e8", "p6", "2026-01-05", agency: "af")
        .Enrol("e9", "p7", "2024-02-01", agency: "annan").End("e9", "2024-12-31")
        .End("e10", "2025-05-01", reasons: ["flytt"])
        .CorrectEnd("e6", "2025-07-01", reasons: ["arbete-deltid"]);

    [Fact]
    public void Referrals_by_agency_over_the_enrolments_active_in_the_period()
    {
        var origin = OriginCalculator.Compute(History().ForInsats("ips", 2025));

        Assert.Equal([("fk", 2), ("af", 1), ("kommun", 1), ("region", 1), ("annan", 0), ("ingen", 1)], Counts(origin.ReferralsByAgency));
        Assert.Equal(
            ["Försäkringskassan", "Arbetsförmedlingen", "Kommun", "Region", "Annan", "Ingen remiss"],
            origin.ReferralsByAgency.Rows.Select(r => r.Label));
        Assert.Equal([33.3m, 16.7m, 16.7m, 16.7m, 0.0m, 16.7m], origin.ReferralsByAgency.Rows.Select(r => r.Percent));
        Assert.Equal(6, origin.ReferralsByAgency.Denominator.Value);
        Assert.Equal("inskrivna under året", origin.ReferralsByAgency.DenominatorLabel);
    }

    [Fact]
    public void Status_counts_and_days_in_the_insats_of_the_ended()
    {
        var origin = OriginCalculator.Compute(History().ForInsats("ips", 2025));

        Assert.Equal(6, origin.Enrolled.Value);
        Assert.Equal(4, origin.Ended.Value);
        Assert.Equal(2, origin.Ongoing.Value);
        Assert.Equal(2, origin.Discontinued.Value);
        Assert.Equal((4, 30m, 337m, 165.3m), Numbers(origin.DaysInInsats));
    }

    [Fact]
    public void A_reason_corrected_to_breaking_off_counts_as_discontinued()
    {
        var history = History().CorrectEnd("e1", "2025-02-01", reasons: ["arbete-heltid", "medgivande-aterataget"]);

        Assert.Equal(3, OriginCalculator.Compute(history.ForInsats("ips", 2025)).Discontinued.Value);
    }

    [Fact]
    public void An_empty_period_counts_nothing_and_has_no_days()
    {
        var origin = OriginCalculator.Compute(History().ForInsats("ips", 2020));

        Assert.All(origin.ReferralsByAgency.Rows, row => Assert.Equal((0, (decimal?)null), (row.Count.Value, row.Percent)));
        Assert.Equal(6, origin.ReferralsByAgency.Rows.Count);
        Assert.Equal((0, 0, 0, 0), (origin.Enrolled.Value, origin.Ended.Value, origin.Ongoing.Value, origin.Discontinued.Value));
        Assert.Equal((0, null, null, null), Numbers(origin.DaysInInsats));
    }
}
