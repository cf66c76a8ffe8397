using System.Globalization;
using Finsam.Activities.Domain.Calendar;
using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;

namespace Finsam.Activities.Application.Groups;

/// <summary>The field rules the group handlers share: text people type, "HH:mm" times and the days a träff may fall on.</summary>
public static class GroupFields
{
    public const int MaxNameLength = 200;
    public const int MaxLocationLength = 300;
    public const int MaxInterpreterLanguageLength = 100;
    public const int MaxThemeLength = 200;
    public const int MaxReasonLength = 1000;

    /// <summary>
    /// The trimmed text, "" when absent and not required, or null with a Swedish violation on
    /// <paramref name="field"/>. One line only: these texts end up in one-line places (a calendar's summary,
    /// a list) where a control character breaks what a reader sees.
    /// </summary>
    public static string? Text(string? value, string field, string label, int maxLength, bool required, List<FieldViolation> violations)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (required)
            {
                violations.Add(new FieldViolation(field, $"{label} saknas."));
                return null;
            }

            return "";
        }

        if (text.Length > maxLength)
        {
            violations.Add(new FieldViolation(field, $"{label} får vara högst {maxLength} tecken."));
            return null;
        }

        if (text.Any(char.IsControl) || HasLoneSurrogate(text))
        {
            violations.Add(new FieldViolation(field, $"{label} innehåller otillåtna tecken: skriv på en rad, utan styrtecken."));
            return null;
        }

        return text;
    }

    /// <summary>
    /// Refuses, naming <paramref name="field"/>, a day a träff can't be put on by hand: a weekend, a public or
    /// de-facto holiday (the same days generation skips) or one of the group's closed dates.
    /// </summary>
    public static void MeetingDay(DateOnly? day, string field, Group group, List<FieldViolation> violations)
    {
        if (day is not { } date)
        {
            violations.Add(new FieldViolation(field, "Datum saknas."));
        }
        else if (TraffPlanner.IsWeekend(date))
        {
            violations.Add(new FieldViolation(field, $"{Iso(date)} är en lördag eller söndag: träffar hålls på vardagar."));
        }
        else if (SwedishHolidays.Find(date) is { } holiday)
        {
            violations.Add(new FieldViolation(field, $"{Iso(date)} är en helgdag ({holiday.Name}): då hålls inga träffar."));
        }
        else if (group.ClosedDates.Contains(date))
        {
            violations.Add(new FieldViolation(field, $"{Iso(date)} är en stängd dag för gruppen."));
        }
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
