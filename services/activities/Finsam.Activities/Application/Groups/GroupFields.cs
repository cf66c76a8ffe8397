using Finsam.Activities.Domain.Calendar;
using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;
using Finsam.Platform.Time;

namespace Finsam.Activities.Application.Groups;

/// <summary>The field rules the group handlers share: the lengths of what people type, and the days a träff may fall on.</summary>
public static class GroupFields
{
    public const int MaxNameLength = 200;
    public const int MaxLocationLength = 300;
    public const int MaxInterpreterLanguageLength = 100;
    public const int MaxThemeLength = 200;
    public const int MaxReasonLength = 1000;

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
            violations.Add(new FieldViolation(field, $"{IsoDates.ToIso(date)} är en lördag eller söndag: träffar hålls på vardagar."));
        }
        else if (SwedishHolidays.Find(date) is { } holiday)
        {
            violations.Add(new FieldViolation(field, $"{IsoDates.ToIso(date)} är en helgdag ({holiday.Name}): då hålls inga träffar."));
        }
        else if (group.ClosedDates.Contains(date))
        {
            violations.Add(new FieldViolation(field, $"{IsoDates.ToIso(date)} är en stängd dag för gruppen."));
        }
    }
}
