using Finsam.Activities.Domain.Calendar;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Finsam.UnitTests.Activities.Calendar;

public sealed class SwedishHolidaysTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static DateOnly Named(int year, string name) => SwedishHolidays.For(year).Single(h => h.Name == name).Date;

    [Theory]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2020, "2020-04-12")]
    [InlineData(2021, "2021-04-04")]
    [InlineData(2022, "2022-04-17")]
    [InlineData(2023, "2023-04-09")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(1943, "1943-04-25")]
    public void Easter_sunday_falls_on_the_known_date(int year, string expected)
    {
        Assert.Equal(Day(expected), SwedishHolidays.EasterSunday(year));
        Assert.Equal(Day(expected), Named(year, "Påskdagen"));
        Assert.Equal(Day(expected).AddDays(-2), Named(year, "Långfredagen"));
        Assert.Equal(Day(expected).AddDays(1), Named(year, "Annandag påsk"));
    }

    [Theory]
    [InlineData(1818)]
    [InlineData(1899)]
    [InlineData(2201)]
    public void Years_outside_the_range_are_refused(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SwedishHolidays.EasterSunday(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => SwedishHolidays.For(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => SwedishHolidays.IsHoliday(new DateOnly(year, 12, 25)));
    }

    [Theory]
    [InlineData("Midsommarafton", "2024-06-21")]
    [InlineData("Midsommarafton", "2025-06-20")]
    [InlineData("Midsommarafton", "2026-06-19")]
    [InlineData("Midsommardagen", "2024-06-22")]
    [InlineData("Midsommardagen", "2025-06-21")]
    [InlineData("Midsommardagen", "2026-06-20")]
    [InlineData("Alla helgons dag", "2024-11-02")]
    [InlineData("Alla helgons dag", "2025-11-01")]
    [InlineData("Alla helgons dag", "2026-10-31")]
    [InlineData("Kristi himmelsfärdsdag", "2025-05-29")]
    [InlineData("Kristi himmelsfärdsdag", "2026-05-14")]
    [InlineData("Pingstdagen", "2025-06-08")]
    [InlineData("Annandag pingst", "2004-05-31")]
    [InlineData("Sveriges nationaldag", "2005-06-06")]
    [InlineData("Trettondedag jul", "2026-01-06")]
    [InlineData("Första maj", "2026-05-01")]
    [InlineData("Julafton", "2026-12-24")]
    [InlineData("Nyårsafton", "2026-12-31")]
    public void A_named_holiday_falls_on_the_known_date(string name, string expected)
    {
        var day = Day(expected);

        Assert.Equal(day, Named(day.Year, name));
        Assert.True(SwedishHolidays.IsHoliday(day));
        Assert.Equal(name, SwedishHolidays.Find(day)?.Name);
    }

    [Fact]
    public void Nationaldagen_is_a_holiday_from_2005_and_annandag_pingst_only_until_2004()
    {
        Assert.True(SwedishHolidays.IsHoliday(Day("2005-06-06")));
        Assert.False(SwedishHolidays.IsHoliday(Day("2004-06-06")));
        Assert.True(SwedishHolidays.IsHoliday(Day("2004-05-31")));
        // 2005-05-16 was annandag pingst, a Monday that was an ordinary working day.
        Assert.Equal(Day("2005-05-15"), Named(2005, "Pingstdagen"));
        Assert.False(SwedishHolidays.IsHoliday(Day("2005-05-16")));
        Assert.DoesNotContain(SwedishHolidays.For(2005), h => h.Name == "Annandag pingst");
    }

    [Fact]
    public void The_de_facto_days_count_only_when_asked_for()
    {
        var midsommarafton = Day("2026-06-19");

        Assert.True(SwedishHolidays.IsHoliday(midsommarafton));
        Assert.False(SwedishHolidays.IsHoliday(midsommarafton, includeDeFacto: false));
        Assert.Equal(HolidayKind.DeFactoHoliday, SwedishHolidays.Find(midsommarafton)!.Kind);
        Assert.Equal(HolidayKind.PublicHoliday, SwedishHolidays.Find(Day("2026-06-20"))!.Kind);
        Assert.True(SwedishHolidays.IsHoliday(Day("2026-12-24"), includeDeFacto: true));
        Assert.False(SwedishHolidays.IsHoliday(Day("2026-12-31"), includeDeFacto: false));
    }

    [Fact]
    public void An_ordinary_working_day_is_no_holiday()
    {
        var tuesday = Day("2026-03-17");

        Assert.False(SwedishHolidays.IsHoliday(tuesday));
        Assert.Null(SwedishHolidays.Find(tuesday));
    }

    [Fact]
    public void Two_holidays_on_one_date_are_both_listed()
    {
        // 2008: Easter on 23 March puts Kristi himmelsfärdsdag on första maj.
        var firstOfMay = Day("2008-05-01");

        var onThatDay = SwedishHolidays.For(2008).Where(h => h.Date == firstOfMay).Select(h => h.Name).ToList();

        Assert.Equal(["Första maj", "Kristi himmelsfärdsdag"], onThatDay);
        Assert.Equal("Första maj", SwedishHolidays.Find(firstOfMay)!.Name);
    }

    [Property(Arbitrary = [typeof(YearArbitraries)], MaxTest = 500)]
    public void Every_year_has_its_holidays_on_the_right_days(YearInRange generated)
    {
        var year = generated.Year;
        var holidays = SwedishHolidays.For(year);
        var easter = SwedishHolidays.EasterSunday(year);

        // 13 public holidays every year: nationaldagen replaced annandag pingst in 2005, one for one.
        Assert.Equal(13, holidays.Count(h => h.Kind == HolidayKind.PublicHoliday));
        Assert.Equal(3, holidays.Count(h => h.Kind == HolidayKind.DeFactoHoliday));
        Assert.Equal(year >= 2005, holidays.Any(h => h.Name == "Sveriges nationaldag"));
        Assert.Equal(year < 2005, holidays.Any(h => h.Name == "Annandag pingst"));
        Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
        Assert.Equal(holidays.OrderBy(h => h.Date).Select(h => h.Date), holidays.Select(h => h.Date));

        Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
        Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        Assert.Equal(easter.AddDays(-2), Named(year, "Långfredagen"));
        Assert.Equal(DayOfWeek.Sunday, Named(year, "Pingstdagen").DayOfWeek);
        Assert.Equal(DayOfWeek.Thursday, Named(year, "Kristi himmelsfärdsdag").DayOfWeek);

        var midsommardagen = Named(year, "Midsommardagen");
        Assert.Equal(DayOfWeek.Saturday, midsommardagen.DayOfWeek);
        Assert.InRange(midsommardagen, new DateOnly(year, 6, 20), new DateOnly(year, 6, 26));
        Assert.Equal(midsommardagen.AddDays(-1), Named(year, "Midsommarafton"));

        var allaHelgonsDag = Named(year, "Alla helgons dag");
        Assert.Equal(DayOfWeek.Saturday, allaHelgonsDag.DayOfWeek);
        Assert.InRange(allaHelgonsDag, new DateOnly(year, 10, 31), new DateOnly(year, 11, 6));

        Assert.All(holidays, h => Assert.True(SwedishHolidays.IsHoliday(h.Date)));
    }
}

/// <summary>A year the holiday calendar covers.</summary>
public sealed record YearInRange(int Year);

public static class YearArbitraries
{
    public static Arbitrary<YearInRange> InRange() =>
        Gen.Choose(SwedishHolidays.FirstYear, SwedishHolidays.LastYear).Select(year => new YearInRange(year)).ToArbitrary();
}
