using System.Globalization;

namespace Finsam.Participants.Domain.Surveys;

/// <summary>
/// The month an answer belongs to, "YYYY-MM": the finest time a survey answer keeps, so that the day of an
/// answer can't be matched with the day somebody's stay ended.
/// </summary>
public readonly record struct SurveyPeriod(int Year, int Month) : IComparable<SurveyPeriod>
{
    public const int FirstYear = 2000;

    public static SurveyPeriod Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>Null unless the text is exactly "YYYY-MM" with a real month from <see cref="FirstYear"/> on.</summary>
    public static SurveyPeriod? TryParse(string? text)
    {
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year < FirstYear || month is < 1 or > 12)
        {
            return null;
        }

        return new SurveyPeriod(year, month);
    }

    /// <summary>The first day of the month at 00:00 UTC: the only instant an answer's event carries.</summary>
    public DateTime FirstDayUtc => new(Year, Month, 1, 0, 0, 0, DateTimeKind.Utc);

    public int CompareTo(SurveyPeriod other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(SurveyPeriod left, SurveyPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(SurveyPeriod left, SurveyPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(SurveyPeriod left, SurveyPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SurveyPeriod left, SurveyPeriod right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
