using System.Globalization;
using Finsam.Activities.Domain.Calendar;
using Finsam.Activities.Domain.Formats;
using Finsam.Activities.Domain.Groups;

namespace Finsam.UnitTests.Activities.Groups;

/// <summary>Träff generation against known Swedish calendars: Easter, Kristi himmelsfärd, midsommar, nationaldagen, Christmas.</summary>
public sealed class TraffPlannerTests
{
    private const int Monday = 1, Tuesday = 2, Wednesday = 3, Thursday = 4, Friday = 5;

    private static readonly TimeOnly Afternoon = new(13, 0);

    private static CourseFormatContent Format(IReadOnlyList<string>? themes, params CourseFormatPhase[] phases) => new(
        "Testformat", "", phases, 4, 10, "", [], [MeasurementPoint.Start], Delivery.Physical, false, 2, 75, themes ?? [], []);

    private static CourseFormatPhase Phase(int traffar, params int[] weekdays) => new("Träffar", traffar, weekdays, Afternoon, 120);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static DateOnly[] Dates(params string[] iso) => iso.Select(D).ToArray();

    private static DateOnly[] DatesOf(IReadOnlyList<PlannedTraff> traffar) => traffar.Select(t => t.Date).ToArray();

    [Fact]
    public void Mitt_Val_on_Tuesdays_and_Thursdays_skips_Kristi_himmelsfard_and_still_gets_eight()
    {
        var mittVal = Format(null, Phase(8, Tuesday, Thursday));

        var traffar = TraffPlanner.Plan(mittVal, D("2026-05-12"), []);

        // Thursday 14 May 2026 is Kristi himmelsfärdsdag: not made up that week, the series just runs on.
        Assert.Equal("Kristi himmelsfärdsdag", SwedishHolidays.Find(D("2026-05-14"))!.Name);
        Assert.Equal(
            Dates("2026-05-12", "2026-05-19", "2026-05-21", "2026-05-26", "2026-05-28", "2026-06-02", "2026-06-04", "2026-06-09"),
            DatesOf(traffar));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], traffar.Select(t => t.Number));
        Assert.All(traffar, t => Assert.Equal((Afternoon, 120, "Träffar"), (t.StartTime, t.LengthMinutes, t.Phase)));
    }

    [Fact]
    public void Easter_2027_skips_langfredagen_and_annandag_pask()
    {
        // Easter Sunday 28 March 2027: Långfredagen Friday 26 March, Annandag påsk Monday 29 March.
        var twiceAWeek = Format(null, Phase(4, Monday, Friday));

        var traffar = TraffPlanner.Plan(twiceAWeek, D("2027-03-22"), []);

        Assert.Equal(Dates("2027-03-22", "2027-04-02", "2027-04-05", "2027-04-09"), DatesOf(traffar));
    }

    [Fact]
    public void A_weekly_group_over_Easter_2027_ends_a_week_later()
    {
        var stresshantering = Format(null, Phase(7, Monday));

        var traffar = TraffPlanner.Plan(stresshantering, D("2027-03-15"), []);

        Assert.Equal(
            Dates("2027-03-15", "2027-03-22", "2027-04-05", "2027-04-12", "2027-04-19", "2027-04-26", "2027-05-03"),
            DatesOf(traffar));
    }

    [Fact]
    public void Midsommarafton_is_skipped_though_it_is_no_public_holiday_by_law()
    {
        Assert.Equal(HolidayKind.DeFactoHoliday, SwedishHolidays.Find(D("2026-06-19"))!.Kind);
        var fridays = Format(null, Phase(4, Friday));

        var traffar = TraffPlanner.Plan(fridays, D("2026-06-05"), []);

        Assert.Equal(Dates("2026-06-05", "2026-06-12", "2026-06-26", "2026-07-03"), DatesOf(traffar));
    }

    [Fact]
    public void Nationaldagen_on_a_Thursday_in_2024_is_skipped()
    {
        var mittVal = Format(null, Phase(4, Tuesday, Thursday));

        var traffar = TraffPlanner.Plan(mittVal, D("2024-06-04"), []);

        Assert.Equal(Dates("2024-06-04", "2024-06-11", "2024-06-13", "2024-06-18"), DatesOf(traffar));
    }

    [Fact]
    public void Julafton_and_nyarsafton_are_skipped_on_a_Monday_and_Wednesday_group()
    {
        // 2025: julafton and nyårsafton are Wednesdays.
        var traffar = TraffPlanner.Plan(Format(null, Phase(6, Monday, Wednesday)), D("2025-12-15"), []);

        Assert.Equal(Dates("2025-12-15", "2025-12-17", "2025-12-22", "2025-12-29", "2026-01-05", "2026-01-07"), DatesOf(traffar));
    }

    [Fact]
    public void Juldagen_nyarsdagen_and_trettondedagen_are_skipped_on_a_Tuesday_and_Thursday_group()
    {
        // 2025–26: juldagen Thursday 25 December, nyårsdagen Thursday 1 January, trettondedag jul Tuesday 6 January.
        var traffar = TraffPlanner.Plan(Format(null, Phase(6, Tuesday, Thursday)), D("2025-12-16"), []);

        Assert.Equal(Dates("2025-12-16", "2025-12-18", "2025-12-23", "2025-12-30", "2026-01-08", "2026-01-13"), DatesOf(traffar));
    }

    [Fact]
    public void ReDO_runs_afternoons_then_mornings_with_themes_by_number()
    {
        var themes = Enumerable.Range(1, 20).Select(n => $"Tema {n}").ToList();
        var redo = Format(
            themes,
            new CourseFormatPhase("Eftermiddagar", 10, [Monday, Thursday], new TimeOnly(13, 0), 150),
            new CourseFormatPhase("Förmiddagar", 10, [Monday, Thursday], new TimeOnly(9, 0), 150),
            new CourseFormatPhase("Nya rutiner och arbetsträning", 0, [], default, 0, Weeks: 6));

        var traffar = TraffPlanner.Plan(redo, D("2026-08-17"), []);

        Assert.Equal(20, traffar.Count);
        Assert.Equal(
            Dates("2026-08-17", "2026-08-20", "2026-08-24", "2026-08-27", "2026-08-31", "2026-09-03", "2026-09-07", "2026-09-10", "2026-09-14", "2026-09-17"),
            DatesOf(traffar.Take(10).ToList()));
        Assert.Equal(
            Dates("2026-09-21", "2026-09-24", "2026-09-28", "2026-10-01", "2026-10-05", "2026-10-08", "2026-10-12", "2026-10-15", "2026-10-19", "2026-10-22"),
            DatesOf(traffar.Skip(10).ToList()));
        Assert.All(traffar.Take(10), t => Assert.Equal(("Eftermiddagar", new TimeOnly(13, 0)), (t.Phase, t.StartTime)));
        Assert.All(traffar.Skip(10), t => Assert.Equal(("Förmiddagar", new TimeOnly(9, 0)), (t.Phase, t.StartTime)));
        Assert.Equal(themes, traffar.Select(t => t.Theme));
    }

    [Fact]
    public void A_phase_without_traffar_between_two_phases_pushes_the_next_by_its_weeks()
    {
        var format = Format(
            null,
            new CourseFormatPhase("Start", 2, [Tuesday], Afternoon, 60),
            new CourseFormatPhase("Paus", 0, [], default, 0, Weeks: 2),
            new CourseFormatPhase("Uppföljning", 1, [Tuesday], Afternoon, 60));

        var traffar = TraffPlanner.Plan(format, D("2026-09-01"), []);

        // Last träff of "Start" on 8 Sep; the pause runs 9–22 Sep; "Uppföljning" from 23 Sep: Tuesday 29 Sep.
        Assert.Equal(Dates("2026-09-01", "2026-09-08", "2026-09-29"), DatesOf(traffar));
        Assert.Equal(["Start", "Start", "Uppföljning"], traffar.Select(t => t.Phase));
    }

    [Fact]
    public void The_next_phase_starts_the_day_after_the_last_traff_even_in_the_same_week()
    {
        var format = Format(
            null,
            new CourseFormatPhase("Eftermiddagar", 1, [Monday], new TimeOnly(13, 0), 60),
            new CourseFormatPhase("Förmiddagar", 2, [Monday, Wednesday], new TimeOnly(9, 0), 60));

        var traffar = TraffPlanner.Plan(format, D("2026-09-07"), []);

        Assert.Equal(Dates("2026-09-07", "2026-09-09", "2026-09-14"), DatesOf(traffar));
    }

    [Fact]
    public void Closed_dates_are_skipped_like_holidays()
    {
        var mittVal = Format(null, Phase(8, Tuesday, Thursday));

        var traffar = TraffPlanner.Plan(mittVal, D("2026-05-12"), [D("2026-05-19"), D("2026-06-04"), D("2026-07-01")]);

        Assert.Equal(
            Dates("2026-05-12", "2026-05-21", "2026-05-26", "2026-05-28", "2026-06-02", "2026-06-09", "2026-06-11", "2026-06-16"),
            DatesOf(traffar));
    }

    [Fact]
    public void A_start_date_off_the_formats_weekdays_begins_on_the_next_matching_day()
    {
        var traffar = TraffPlanner.Plan(Format(null, Phase(2, Tuesday, Thursday)), D("2026-05-06"), []);

        Assert.Equal(Dates("2026-05-07", "2026-05-12"), DatesOf(traffar));
    }

    [Fact]
    public void Themes_shorter_than_the_traffar_leave_the_rest_without_a_theme()
    {
        var traffar = TraffPlanner.Plan(Format(["Introduktion", "Stress och återhämtning"], Phase(3, Wednesday)), D("2026-09-02"), []);

        Assert.Equal(["Introduktion", "Stress och återhämtning", ""], traffar.Select(t => t.Theme));
    }

    [Fact]
    public void Every_start_day_over_three_years_gives_exactly_the_formats_count_on_meeting_days_only()
    {
        var closed = new[] { D("2026-10-14"), D("2027-02-03"), D("2028-05-16") };
        CourseFormatContent[] formats =
        [
            Format(null, Phase(8, Tuesday, Thursday)),
            Format(null, Phase(7, Friday)),
            Format(
                null,
                new CourseFormatPhase("Eftermiddagar", 10, [Monday, Thursday], new TimeOnly(13, 0), 150),
                new CourseFormatPhase("Förmiddagar", 10, [Monday, Thursday], new TimeOnly(9, 0), 150),
                new CourseFormatPhase("Arbetsträning", 0, [], default, 0, Weeks: 6)),
        ];

        for (var start = D("2026-01-01"); start <= D("2028-12-31"); start = start.AddDays(1))
        {
            foreach (var format in formats)
            {
                var traffar = TraffPlanner.Plan(format, start, closed);

                Assert.Equal(format.TotalTraffar, traffar.Count);
                Assert.Equal(Enumerable.Range(1, traffar.Count), traffar.Select(t => t.Number));
                Assert.All(traffar, t =>
                {
                    Assert.True(t.Date >= start);
                    Assert.False(TraffPlanner.IsWeekend(t.Date));
                    Assert.False(SwedishHolidays.IsHoliday(t.Date), $"{t.Date} is a holiday");
                    Assert.DoesNotContain(t.Date, closed);
                });
                Assert.Equal(traffar.Select(t => t.Date).Order(), traffar.Select(t => t.Date));
                Assert.Equal(traffar.Count, traffar.Select(t => t.Date).Distinct().Count());
            }
        }
    }

    [Theory]
    [InlineData("2026-06-19", false)] // midsommarafton
    [InlineData("2026-06-06", false)] // nationaldagen, a Saturday
    [InlineData("2026-06-08", true)]
    [InlineData("2026-04-03", false)] // långfredagen
    [InlineData("2026-11-02", true)]  // the Monday after alla helgons dag
    [InlineData("2026-12-24", false)]
    [InlineData("2026-03-01", false)] // a Sunday
    public void A_meeting_day_is_a_weekday_that_is_no_holiday(string day, bool expected) =>
        Assert.Equal(expected, TraffPlanner.IsMeetingDay(D(day)));

    [Fact]
    public void A_phase_with_traffar_but_no_usable_weekday_is_refused_rather_than_looping()
    {
        Assert.Throws<ArgumentException>(() => TraffPlanner.Plan(Format(null, Phase(2)), D("2026-05-12"), []));
        Assert.Throws<ArgumentException>(() => TraffPlanner.Plan(Format(null, Phase(2, 6)), D("2026-05-12"), []));
        Assert.Throws<ArgumentException>(() => TraffPlanner.Plan(Format(null, new CourseFormatPhase("x", 1, [Monday], Afternoon, 0)), D("2026-05-12"), []));
    }
}
