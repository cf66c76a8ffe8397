using Finsam.Activities.Domain.Calendar;
using Finsam.UnitTests.Fakes;

namespace Finsam.UnitTests.Activities.Groups;

public sealed class StockholmClockTests
{
    [Theory]
    // Winter (UTC+1): 23:30 UTC is already the next day in Stockholm.
    [InlineData("2026-01-14T23:30:00Z", "2026-01-15")]
    [InlineData("2026-01-14T22:59:59Z", "2026-01-14")]
    // Summer (UTC+2): 22:30 UTC is past midnight in Stockholm.
    [InlineData("2026-06-30T22:30:00Z", "2026-07-01")]
    [InlineData("2026-06-30T21:59:59Z", "2026-06-30")]
    // New Year's Eve: Stockholm reaches the new year an hour before UTC.
    [InlineData("2026-12-31T23:00:00Z", "2027-01-01")]
    public void Today_is_the_Stockholm_calendar_day(string utcNow, string expected)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), StockholmClock.Today(clock));
    }

    [Fact]
    public void A_wall_clock_time_is_unspecified_so_it_is_never_shifted_as_utc_or_machine_time()
    {
        // Tuesday after the switch to summer time (Sunday 29 March 2026): still 13:00 on the wall.
        var wall = StockholmClock.WallClock(new DateOnly(2026, 3, 31), new TimeOnly(13, 0));
        Assert.Equal(DateTimeKind.Unspecified, wall.Kind);
        Assert.Equal(new DateTime(2026, 3, 31, 13, 0, 0), wall);
    }
}
