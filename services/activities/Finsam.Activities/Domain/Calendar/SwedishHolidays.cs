namespace Finsam.Activities.Domain.Calendar;

/// <summary>
/// Swedish public holidays (allmänna helgdagar) and the de-facto free days, computed for any year in
/// <see cref="FirstYear"/>–<see cref="LastYear"/>.
/// <para>
/// The rules are today's law, with the one change that matters for recent years: from 2005 nationaldagen
/// (6 June) is a holiday and annandag pingst is not. Older changes (before 1953 midsommardagen was fixed on
/// 24 June and alla helgons dag on 1 November, första maj only from 1939, and days since abolished) are
/// not modelled: the calendar schedules träffar, which lie in the present and future.
/// </para>
/// <para>
/// Two holidays can fall on one date (Kristi himmelsfärdsdag on första maj, as in 2008; pingstdagen on
/// nationaldagen); <see cref="For"/> lists both, <see cref="Find"/> returns the public one listed first.
/// </para>
/// </summary>
public static class SwedishHolidays
{
    public const int FirstYear = 1900;
    public const int LastYear = 2200;

    /// <summary>The year nationaldagen became a public holiday and annandag pingst stopped being one.</summary>
    public const int NationalDayFromYear = 2005;

    /// <summary>Every holiday of the year in date order, public and de-facto.</summary>
    public static IReadOnlyList<Holiday> For(int year)
    {
        EnsureInRange(year);

        var easter = EasterSunday(year);
        var holidays = new List<Holiday>
        {
            Public(new DateOnly(year, 1, 1), "Nyårsdagen"),
            Public(new DateOnly(year, 1, 6), "Trettondedag jul"),
            Public(easter.AddDays(-2), "Långfredagen"),
            Public(easter, "Påskdagen"),
            Public(easter.AddDays(1), "Annandag påsk"),
            Public(new DateOnly(year, 5, 1), "Första maj"),
            Public(easter.AddDays(39), "Kristi himmelsfärdsdag"),
            Public(easter.AddDays(49), "Pingstdagen"),
            DeFacto(FirstOnOrAfter(new DateOnly(year, 6, 19), DayOfWeek.Friday), "Midsommarafton"),
            Public(FirstOnOrAfter(new DateOnly(year, 6, 20), DayOfWeek.Saturday), "Midsommardagen"),
            Public(FirstOnOrAfter(new DateOnly(year, 10, 31), DayOfWeek.Saturday), "Alla helgons dag"),
            DeFacto(new DateOnly(year, 12, 24), "Julafton"),
            Public(new DateOnly(year, 12, 25), "Juldagen"),
            Public(new DateOnly(year, 12, 26), "Annandag jul"),
            DeFacto(new DateOnly(year, 12, 31), "Nyårsafton"),
        };

        if (year >= NationalDayFromYear)
        {
            holidays.Add(Public(new DateOnly(year, 6, 6), "Sveriges nationaldag"));
        }
        else
        {
            holidays.Add(Public(easter.AddDays(50), "Annandag pingst"));
        }

        // Stable sort: on a shared date the order above decides which one Find returns.
        return holidays.OrderBy(h => h.Date).ToList();
    }

    /// <summary>Whether the day is a public holiday, or (unless excluded) a de-facto one.</summary>
    public static bool IsHoliday(DateOnly day, bool includeDeFacto = true) =>
        For(day.Year).Any(h => h.Date == day && (includeDeFacto || h.Kind == HolidayKind.PublicHoliday));

    /// <summary>The holiday on the day, a public one before a de-facto one; null on an ordinary day.</summary>
    public static Holiday? Find(DateOnly day) =>
        For(day.Year)
            .Where(h => h.Date == day)
            .OrderBy(h => h.Kind)
            .FirstOrDefault();

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        EnsureInRange(year);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static Holiday Public(DateOnly date, string name) => new(date, name, HolidayKind.PublicHoliday);

    private static Holiday DeFacto(DateOnly date, string name) => new(date, name, HolidayKind.DeFactoHoliday);

    private static DateOnly FirstOnOrAfter(DateOnly from, DayOfWeek dayOfWeek) =>
        from.AddDays(((int)dayOfWeek - (int)from.DayOfWeek + 7) % 7);

    private static void EnsureInRange(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(year), year, $"Holidays are computed for {FirstYear}–{LastYear} only.");
        }
    }
}
