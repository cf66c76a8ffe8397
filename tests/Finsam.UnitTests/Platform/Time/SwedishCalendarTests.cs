using Finsam.Platform.Time;
using Finsam.UnitTests.Fakes;

namespace Finsam.UnitTests.Platform.Time;

public sealed class SwedishCalendarTests
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
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SwedishCalendar.Today(clock));
    }
}
