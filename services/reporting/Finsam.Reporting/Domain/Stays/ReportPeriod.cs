namespace Finsam.Reporting.Domain.Stays;

/// <summary>A closed range of days [<see cref="From"/>, <see cref="To"/>]; a calendar year is 1 Jan–31 Dec.</summary>
public sealed record ReportPeriod
{
    public ReportPeriod(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }

    /// <summary>1 January to 31 December of one year: the report then reads "året" and "vid årets slut".</summary>
    public bool IsCalendarYear => From is { Month: 1, Day: 1 } && To == new DateOnly(From.Year, 12, 31);

    public static ReportPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>
    /// The period of equal length just before this one. A period of whole months (a year, a quarter, a month)
    /// moves back by that many months, so the year before 2025 is all of 2024 although 2024 has a day more;
    /// any other period moves back by its number of days.
    /// </summary>
    public ReportPeriod Previous()
    {
        if (From.Day == 1 && To.AddDays(1).Day == 1)
        {
            var months = ((To.Year - From.Year) * 12) + To.Month - From.Month + 1;
            return new ReportPeriod(From.AddMonths(-months), From.AddDays(-1));
        }

        var days = To.DayNumber - From.DayNumber + 1;
        return new ReportPeriod(From.AddDays(-days), From.AddDays(-1));
    }
}
