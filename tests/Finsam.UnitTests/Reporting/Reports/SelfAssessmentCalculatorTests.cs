using Finsam.IntegrationEvents;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Sections;
using static Finsam.UnitTests.Reporting.Books.BookEvents;
using static Finsam.UnitTests.Reporting.Reports.BookSectionModel;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Reports;

public sealed class SelfAssessmentCalculatorTests
{
    private static readonly IIntegrationEvent[] History =
    [
        Insats("X"), Insats("Y"),
        // Across years; 2 of 4 areas improved.
        Started("e1", "p1", "2024-09-01"), Ended("e1", "2025-06-30"),
        SelfAssessment("e1", "s1", "start", "2024-09-05", Scores(3, 3, 3, 3)), SelfAssessment("e1", "s2", "end", "2025-06-20", Scores(5, 4, 3, 2)),
        // A retracted earlier start (that would show no change) and an earlier end are passed over: 3 improved.
        Started("e2", "p2", "2025-01-01"), Ended("e2", "2025-11-30"),
        SelfAssessment("e2", "r", "start", "2025-01-01", Scores(5, 5, 5, 5)), AssessmentRetraction("e2", "r", at: 9),
        SelfAssessment("e2", "s3", "start", "2025-01-03", Scores(2, 2, 2, 2)),
        SelfAssessment("e2", "s4", "end", "2025-10-01", Scores(1, 1, 1, 1)), SelfAssessment("e2", "s5", "end", "2025-11-25", Scores(3, 3, 3, 1)),
        SelfAssessment("e2", "o1", "start", "2025-01-03", Scores(2), instrument: "oval"), SelfAssessment("e2", "o2", "end", "2025-11-25", Scores(2), instrument: "oval"),
        SelfAssessment("e2", "m", "other", "2025-06-01", Scores(9, 9, 9, 9)),
        StaffAssessment("e2", "d", "2025-02-01"),
        // Only a start: no pair.
        Started("e3", "p3", "2025-01-10"), Ended("e3", "2025-05-01"), SelfAssessment("e3", "s6", "start", "2025-01-12", Scores(1, 1, 1, 1)),
        // Anonymous: left out.
        Anonymous("e4", "2025-01-01"), Ended("e4", "2025-04-01"),
        SelfAssessment("e4", "s7", "start", "2025-01-02", Scores(1, 1, 1, 1)), SelfAssessment("e4", "s8", "end", "2025-03-30", Scores(6, 6, 6, 6)),
        // Ends the year after.
        Started("e5", "p4", "2025-02-01"), Ended("e5", "2026-01-15"),
        SelfAssessment("e5", "s9", "start", "2025-02-02", Scores(1, 1, 1, 1)), SelfAssessment("e5", "s10", "end", "2026-01-10", Scores(6, 6, 6, 6)),
        // The end corrected after the event: 3 improved; an area scored only at the end is left out.
        Started("e6", "p5", "2025-03-01"), Ended("e6", "2025-08-01"),
        SelfAssessment("e6", "s11", "start", "2025-03-02", Scores(4, 4, 4, 4)),
        SelfAssessment("e6", "s12", "end", "2025-07-30", Scores(4, 4, 4, 4), at: 1), SelfCorrection("e6", "s12", "end", "2025-07-30", Scores(5, 5, 5, 4, 2), at: 40),
        // Another insats.
        Started("e7", "p6", "2025-01-01", insats: "Y"), Ended("e7", "2025-03-01", insats: "Y"),
        SelfAssessment("e7", "s13", "start", "2025-01-02", Scores(1, 1, 1, 1), insats: "Y"), SelfAssessment("e7", "s14", "end", "2025-02-27", Scores(6, 6, 6, 6), insats: "Y"),
    ];

    [Fact]
    public void Change_per_instrument_and_area_of_the_ended()
    {
        var section = SelfAssessmentCalculator.For(Input(Model(History), "X", 2025));

        Assert.Equal(["livshjul", "oval"], section.Instruments.Select(i => i.Instrument));
        var livshjul = section.Instruments[0];
        // Pairs e1 (2 improved), e2 (3), e6 (3).
        Assert.Equal((Count.Of(3), 4, 3, Count.Of(2), (decimal?)66.7m), (livshjul.Pairs, livshjul.AreaCount, livshjul.ImprovedThreshold, livshjul.AtLeastThresholdImproved, livshjul.AtLeastThresholdPercent));
        Assert.Equal(
        [
            new("a1", Count.Of(3), 3.0m, 4.3m, Count.Of(3)),
            new("a2", Count.Of(3), 3.0m, 4.0m, Count.Of(3)),
            new("a3", Count.Of(3), 3.0m, 3.7m, Count.Of(2)),
            new("a4", Count.Of(3), 3.0m, 2.3m, Count.Zero),
        ], livshjul.Areas);

        var oval = section.Instruments[1];
        Assert.Equal((Count.Of(1), 1, Count.Zero, (decimal?)0m), (oval.Pairs, oval.AreaCount, oval.AtLeastThresholdImproved, oval.AtLeastThresholdPercent));
        Assert.Equal([new SelfAssessmentArea("a1", Count.Of(1), 2.0m, 2.0m, Count.Zero)], oval.Areas);
    }

    [Fact]
    public void The_threshold_comes_from_the_settings()
    {
        var section = SelfAssessmentCalculator.For(Input(Model(History), "X", 2025, new ReportSettings { SelfAssessmentImprovedAreas = 2 }));

        Assert.Equal((2, Count.Of(3), (decimal?)100.0m), (section.Instruments[0].ImprovedThreshold, section.Instruments[0].AtLeastThresholdImproved, section.Instruments[0].AtLeastThresholdPercent));
    }

    [Fact]
    public void At_forbund_level_every_insats_counts()
    {
        var livshjul = SelfAssessmentCalculator.For(Input(Model(History), null, 2025)).Instruments[0];

        Assert.Equal((Count.Of(4), Count.Of(3)), (livshjul.Pairs, livshjul.AtLeastThresholdImproved));
    }

    [Fact]
    public void A_year_with_no_pairs_lists_no_instrument()
    {
        Assert.Empty(SelfAssessmentCalculator.For(Input(Model(History), "X", 2023)).Instruments);
    }

    [Fact]
    public void Retracting_an_end_assessment_removes_the_pair()
    {
        var section = SelfAssessmentCalculator.For(Input(Model([.. History, AssessmentRetraction("e1", "s2", at: 60)]), "X", 2025));

        Assert.Equal((Count.Of(2), Count.Of(2)), (section.Instruments[0].Pairs, section.Instruments[0].AtLeastThresholdImproved));
    }

    [Fact]
    public void Two_starts_or_two_ends_on_one_day_are_told_apart_by_id_whatever_their_order()
    {
        // Starts "b" and "a" on the same day: the earliest by day then id is "a" (4 areas of 1). Ends "y" and "z" on
        // the same day: the latest is "z" (all 6), so 4 areas improved; taking "y" (all 1) would give none.
        IIntegrationEvent[] tied =
        [
            Insats("X"), Started("t1", "p9", "2025-01-01"), Ended("t1", "2025-06-30"),
            SelfAssessment("t1", "b", "start", "2025-01-05", Scores(6, 6, 6, 6)),
            SelfAssessment("t1", "a", "start", "2025-01-05", Scores(1, 1, 1, 1)),
            SelfAssessment("t1", "z", "end", "2025-06-20", Scores(6, 6, 6, 6)),
            SelfAssessment("t1", "y", "end", "2025-06-20", Scores(1, 1, 1, 1)),
        ];

        foreach (var order in new[] { tied, [.. tied.Reverse()], [tied[0], tied[1], tied[2], tied[4], tied[3], tied[6], tied[5]] })
        {
            var livshjul = Assert.Single(SelfAssessmentCalculator.For(Input(Model(order), "X", 2025)).Instruments);
            Assert.Equal((Count.Of(1), Count.Of(1)), (livshjul.Pairs, livshjul.AtLeastThresholdImproved));
            Assert.Equal([1.0m, 1.0m, 1.0m, 1.0m], livshjul.Areas.Select(a => a.MeanAtStart));
            Assert.Equal([6.0m, 6.0m, 6.0m, 6.0m], livshjul.Areas.Select(a => a.MeanAtEnd));
        }
    }
}
