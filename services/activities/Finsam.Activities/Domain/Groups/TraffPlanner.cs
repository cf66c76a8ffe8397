using Finsam.Activities.Domain.Calendar;
using Finsam.Activities.Domain.Formats;

namespace Finsam.Activities.Domain.Groups;

/// <summary>A träff as generated from a format, before it gets an id.</summary>
public sealed record PlannedTraff(int Number, DateOnly Date, TimeOnly StartTime, int LengthMinutes, string Phase, string Theme);

/// <summary>
/// Generates a group's träffar from its format. Phase by phase, a träff falls on each of the phase's weekdays,
/// at its start time and length, that is a meeting day: not a Saturday or Sunday, not a Swedish public holiday
/// nor a de-facto one (midsommarafton, julafton, nyårsafton: nobody turns up) and not one of the group's closed
/// dates. A skipped day is not made up in the same week: the series continues on the next matching weekday, so
/// the group always gets the format's number of träffar and simply ends later. The next phase starts the day
/// after the previous phase's last träff; a phase without träffar (ReDO's work training) lasts its weeks.
/// </summary>
public static class TraffPlanner
{
    public static IReadOnlyList<PlannedTraff> Plan(CourseFormatContent format, DateOnly startDate, IEnumerable<DateOnly> closedDates)
    {
        ArgumentNullException.ThrowIfNull(format);
        var calendar = new MeetingDays(closedDates);
        var planned = new List<PlannedTraff>();
        var from = startDate;

        foreach (var phase in format.Phases)
        {
            EnsurePlannable(phase);
            if (phase.Traffar == 0)
            {
                from = from.AddDays(7 * phase.Weeks);
                continue;
            }

            var weekdays = phase.Weekdays.ToHashSet();
            var day = from;
            for (var inPhase = 0; inPhase < phase.Traffar; day = day.AddDays(1))
            {
                if (!weekdays.Contains(IsoWeekday(day)) || !calendar.IsMeetingDay(day))
                {
                    continue;
                }

                var number = planned.Count + 1;
                var theme = number <= format.TraffThemes.Count ? format.TraffThemes[number - 1] : "";
                planned.Add(new PlannedTraff(number, day, phase.StartTime, phase.LengthMinutes, phase.Name, theme));
                inPhase++;
            }

            from = planned[^1].Date.AddDays(1);
        }

        return planned;
    }

    /// <summary>Whether a group may meet on the day at all: a weekday that is no public or de-facto holiday.</summary>
    public static bool IsMeetingDay(DateOnly day) => new MeetingDays([]).IsMeetingDay(day);

    /// <summary>ISO weekday: 1 = Monday … 7 = Sunday.</summary>
    public static int IsoWeekday(DateOnly day) => day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>A format that gets here has been validated; this keeps a broken one from looping for ever.</summary>
    private static void EnsurePlannable(CourseFormatPhase phase)
    {
        if (phase.Traffar < 0 || phase.Weeks < 0)
        {
            throw new ArgumentException($"Phase '{phase.Name}': träffar and weeks can't be negative.", nameof(phase));
        }

        if (phase.Traffar > 0 && (phase.Weekdays.Count == 0 || phase.Weekdays.Any(d => d is < 1 or > 5)))
        {
            throw new ArgumentException($"Phase '{phase.Name}': träffar need weekdays from 1 (Monday) to 5 (Friday).", nameof(phase));
        }

        if (phase.Traffar > 0 && phase.LengthMinutes <= 0)
        {
            throw new ArgumentException($"Phase '{phase.Name}': a träff needs a positive length.", nameof(phase));
        }
    }

    /// <summary>Weekends, both kinds of holiday and the closed dates, with each year's holidays computed once.</summary>
    private sealed class MeetingDays(IEnumerable<DateOnly> closedDates)
    {
        private readonly HashSet<DateOnly> _closed = [.. closedDates];
        private readonly Dictionary<int, HashSet<DateOnly>> _holidays = [];

        public bool IsMeetingDay(DateOnly day) => !IsWeekend(day) && !_closed.Contains(day) && !HolidaysOf(day.Year).Contains(day);

        private HashSet<DateOnly> HolidaysOf(int year)
        {
            if (!_holidays.TryGetValue(year, out var days))
            {
                days = SwedishHolidays.For(year).Select(h => h.Date).ToHashSet();
                _holidays[year] = days;
            }

            return days;
        }
    }
}
