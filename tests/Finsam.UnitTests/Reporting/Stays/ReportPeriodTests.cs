using Finsam.Reporting.Domain.Stays;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Stays;

public sealed class ReportPeriodTests
{
    [Fact]
    public void The_year_before_a_year_is_the_whole_previous_calendar_year_even_across_a_leap_year()
    {
        Assert.Equal(ReportPeriod.Year(2024), ReportPeriod.Year(2025).Previous());
        Assert.Equal(ReportPeriod.Year(2023), ReportPeriod.Year(2024).Previous());
    }

    [Fact]
    public void Whole_months_move_back_by_months_and_other_periods_by_days()
    {
        Assert.Equal(new ReportPeriod(D("2024-12-01"), D("2025-02-28")), new ReportPeriod(D("2025-03-01"), D("2025-05-31")).Previous());
        Assert.Equal(new ReportPeriod(D("2024-12-31"), D("2025-01-09")), new ReportPeriod(D("2025-01-10"), D("2025-01-19")).Previous());
        Assert.Equal(new ReportPeriod(D("2025-01-09"), D("2025-01-09")), new ReportPeriod(D("2025-01-10"), D("2025-01-10")).Previous());
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ReportPeriod(D("2025-02-01"), D("2025-01-31")));
    }
}
