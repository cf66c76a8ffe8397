using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Sections;

namespace Finsam.UnitTests.Reporting.Reports;

public sealed class AnonymousTests
{
    [Fact]
    public void Anonymous_stays_are_in_the_totals_and_out_of_the_statistics()
    {
        var history = new ReportHistory()
            .Enrol("e1", "p1", "2025-01-10")
            .EnrolAnonymous("e2", "2024-11-01").End("e2", "2025-05-01")
            .EnrolAnonymous("e3", "2025-03-01")
            .Enrol("e4", "p2", "2025-02-01").End("e4", "2025-06-01")
            .Enrol("e5", "p1", "2025-07-01").End("e5", "2025-09-01")
            .EnrolAnonymous("e6", "2024-01-01").End("e6", "2024-12-31")
            .End("e7", "2025-04-01") // parked: its start never arrived
            .EnrolAnonymous("e8", "2025-01-01", insats: "move");

        var section = AnonymousCalculator.Compute(history.ForInsats("ips", 2025));

        Assert.Equal(new AnonymousSection(Count.Of(5), Count.Of(2), Count.Of(3), Count.Of(3), Count.Of(1), Count.Of(2)), section);
    }

    [Fact]
    public void An_anonymous_ending_corrected_into_the_next_year_is_active_but_not_ended_in_this_one()
    {
        var history = new ReportHistory()
            .EnrolAnonymous("e1", "2025-03-01").End("e1", "2025-12-15")
            .Enrol("e2", "p1", "2025-03-01").End("e2", "2025-12-15")
            .CorrectEnd("e1", "2026-01-15");

        Assert.Equal(
            new AnonymousSection(Count.Of(2), Count.Of(1), Count.Of(1), Count.Of(1), Count.Of(0), Count.Of(1)),
            AnonymousCalculator.Compute(history.ForInsats("ips", 2025)));
        Assert.Equal(
            new AnonymousSection(Count.Of(1), Count.Of(1), Count.Of(0), Count.Of(1), Count.Of(1), Count.Of(0)),
            AnonymousCalculator.Compute(history.ForInsats("ips", 2026)));
    }

    [Fact]
    public void At_forbund_level_every_insats_counts()
    {
        var history = new ReportHistory()
            .EnrolAnonymous("e1", "2025-01-01", insats: "ips")
            .EnrolAnonymous("e2", "2025-01-01", insats: "move").End("e2", "2025-02-01")
            .Enrol("e3", "p1", "2025-01-01", insats: "move");

        var section = AnonymousCalculator.Compute(history.ForForbund(2025));

        Assert.Equal(new AnonymousSection(Count.Of(3), Count.Of(2), Count.Of(1), Count.Of(1), Count.Of(1), Count.Of(0)), section);
    }

    [Fact]
    public void An_empty_period_counts_nothing()
    {
        var history = new ReportHistory().EnrolAnonymous("e1", "2025-01-01");

        var section = AnonymousCalculator.Compute(history.ForInsats("ips", 2023));

        Assert.Equal(new AnonymousSection(Count.Zero, Count.Zero, Count.Zero, Count.Zero, Count.Zero, Count.Zero), section);
    }
}
