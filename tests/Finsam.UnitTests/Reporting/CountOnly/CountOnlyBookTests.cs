using System.Text.Json;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Reporting.Domain.CountOnly;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;
using FsCheck.Xunit;

namespace Finsam.UnitTests.Reporting.CountOnly;

/// <summary>
/// Pinnstatistik in reporting: registrations and their corrections by registration id, latest version winning in any
/// arrival order, and the sums per insats and report period, each registration counted in the period that holds its
/// last day.
/// </summary>
public sealed class CountOnlyBookTests
{
    private static readonly DateTime T0 = new(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static DateTime At(int minutes) => T0.AddMinutes(minutes);

    private static InsatsCountsRegistered Registered(string id, string from, string to, int women, int men, int other, int at = 0, string insats = "H") =>
        new(id, insats, D(from), D(to), women, men, other, At(at));

    private static InsatsCountsCorrected Corrected(string id, string from, string to, int women, int men, int other, int at, string insats = "H") =>
        new(id, insats, D(from), D(to), women, men, other, At(at));

    private static CountOnlyBook Book(IEnumerable<IIntegrationEvent> events)
    {
        var book = new CountOnlyBook();
        book.ApplyAll(events);
        return book;
    }

    private static List<CountRegistration> Snapshot(CountOnlyBook book) =>
        [.. book.Entities.OrderBy(r => r.RegistrationId, StringComparer.Ordinal)];

    /// <summary>
    /// A hälsoskola (H) registering per month across two years, one registration corrected twice after the event (once
    /// into another year), and inspiration days (I) in the same months.
    /// </summary>
    private static readonly IIntegrationEvent[] History =
    [
        Registered("r1", "2024-12-01", "2024-12-31", 4, 4, 0, at: 0),
        Registered("r2", "2025-01-01", "2025-01-31", 5, 3, 0, at: 10),
        Registered("r3", "2025-03-01", "2025-03-31", 10, 2, 1, at: 20),
        Registered("r4", "2025-03-15", "2025-03-15", 7, 0, 0, at: 30, insats: "I"),
        Corrected("r3", "2025-03-01", "2025-03-31", 11, 2, 1, at: 40),
        // Registered in December by mistake: the health school day was in January.
        Corrected("r1", "2025-01-10", "2025-01-10", 4, 4, 0, at: 50),
        Corrected("r3", "2025-03-01", "2025-03-31", 12, 2, 1, at: 60),
    ];

    [Fact]
    public void The_sums_per_insats_and_year_hold_the_latest_version_of_each_registration()
    {
        var book = Book(History);

        Assert.Equal(new RegisteredCounts(5 + 12 + 4, 3 + 2 + 4, 1, 3), book.CountsFor("H", ReportPeriod.Year(2025)));
        Assert.Equal(RegisteredCounts.None, book.CountsFor("H", ReportPeriod.Year(2024)));
        Assert.Equal(new RegisteredCounts(7, 0, 0, 1), book.CountsFor("I", ReportPeriod.Year(2025)));
        Assert.Equal(RegisteredCounts.None, book.CountsFor("unknown", ReportPeriod.Year(2025)));
        Assert.Equal(31, book.CountsFor("H", ReportPeriod.Year(2025)).Total);
    }

    [Fact]
    public void CountsByInsats_gives_the_same_sums_for_every_insats_with_a_registration_in_the_period()
    {
        var book = Book(History);

        var byInsats = book.CountsByInsats(ReportPeriod.Year(2025));

        Assert.Equal(["H", "I"], byInsats.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(book.CountsFor("H", ReportPeriod.Year(2025)), byInsats["H"]);
        Assert.Equal(book.CountsFor("I", ReportPeriod.Year(2025)), byInsats["I"]);
        Assert.Empty(book.CountsByInsats(ReportPeriod.Year(2024)));
    }

    [Fact]
    public void Before_its_correction_arrives_a_registration_counts_as_first_registered()
    {
        var book = Book(History.Take(4));

        Assert.Equal(new RegisteredCounts(4, 4, 0, 1), book.CountsFor("H", ReportPeriod.Year(2024)));
        Assert.Equal(new RegisteredCounts(15, 5, 1, 2), book.CountsFor("H", ReportPeriod.Year(2025)));
    }

    [Fact]
    public void Every_arrival_order_gives_the_same_registrations()
    {
        var expected = Snapshot(Book(History));
        var random = new Random(6);

        for (var i = 0; i < 50; i++)
        {
            var shuffled = History.ToArray();
            random.Shuffle(shuffled);
            Assert.Equal(expected, Snapshot(Book(shuffled)));
        }

        Assert.Equal(expected, Snapshot(Book(Enumerable.Reverse(History))));
    }

    [Fact]
    public void A_duplicate_or_a_replay_changes_nothing()
    {
        var book = Book(History);
        var before = Snapshot(book);

        foreach (var integrationEvent in History)
        {
            var changed = new HashSet<string>(StringComparer.Ordinal);
            book.Apply(integrationEvent, changed);
            Assert.Empty(changed);
        }

        Assert.Equal(before, Snapshot(book));
    }

    [Fact]
    public void An_older_correction_arriving_late_does_not_undo_a_newer_one()
    {
        var book = Book([Registered("r", "2025-03-01", "2025-03-31", 10, 2, 1, at: 0), Corrected("r", "2025-03-01", "2025-03-31", 12, 2, 1, at: 20)]);
        var changed = new HashSet<string>(StringComparer.Ordinal);

        book.Apply(Corrected("r", "2025-03-01", "2025-03-31", 11, 2, 1, at: 10), changed);

        Assert.Empty(changed);
        Assert.Equal(12, book.Find("r")!.Women);
    }

    [Fact]
    public void At_the_same_instant_a_correction_beats_the_registration_in_either_order()
    {
        var registered = Registered("r", "2025-03-01", "2025-03-31", 10, 2, 1, at: 5);
        var corrected = Corrected("r", "2025-03-01", "2025-03-31", 9, 2, 1, at: 5);

        Assert.Equal(9, Book([registered, corrected]).Find("r")!.Women);
        Assert.Equal(9, Book([corrected, registered]).Find("r")!.Women);
    }

    [Fact]
    public void Each_applied_change_reports_its_registration_key()
    {
        var book = new CountOnlyBook();
        var changed = new HashSet<string>(StringComparer.Ordinal);

        book.Apply(Registered("r1", "2025-01-01", "2025-01-31", 1, 0, 0), changed);
        book.Apply(Corrected("r1", "2025-01-01", "2025-01-31", 2, 0, 0, at: 1), changed);
        book.Apply(Registered("r2", "2025-02-01", "2025-02-28", 1, 0, 0), changed);
        book.Apply(new InsatsDefined("H", "Hälsoskola", "count-only", 0, At(0)), changed);

        Assert.Equal(["r1", "r2"], changed.Order(StringComparer.Ordinal));
        Assert.Equal("count-registrations", book.Kind);
    }

    [Theory]
    // The registration 2025-09-20 – 2025-10-10 and periods around it: counted where its last day lies.
    [InlineData("2025-10-01", "2026-08-31", true)] // straddles the period's start: counted in full
    [InlineData("2025-01-01", "2025-09-30", false)] // straddles the period's end: left for the next period
    [InlineData("2025-10-10", "2025-10-10", true)] // the period is its last day
    [InlineData("2025-09-20", "2025-10-09", false)] // holds all but its last day
    [InlineData("2025-10-11", "2025-12-31", false)] // starts the day after
    [InlineData("2025-01-01", "2025-12-31", true)]
    public void A_registration_counts_in_the_period_that_holds_its_last_day(string from, string to, bool counted)
    {
        var book = Book([Registered("r", "2025-09-20", "2025-10-10", 3, 2, 1)]);

        var counts = book.CountsFor("H", new ReportPeriod(D(from), D(to)));

        Assert.Equal(counted ? new RegisteredCounts(3, 2, 1, 1) : RegisteredCounts.None, counts);
    }

    /// <summary>
    /// However a stretch of time is cut into adjacent periods (years, a project period and what follows), each
    /// registration is counted in exactly one of them: the parts add up to the whole.
    /// </summary>
    [Property(MaxTest = 100)]
    public void Adjacent_periods_never_count_a_registration_twice_nor_lose_one(int seed)
    {
        var random = new Random(seed);
        var start = new DateOnly(2023, 1, 1);
        var events = new List<IIntegrationEvent>();
        for (var n = 0; n < 30; n++)
        {
            var year = 2023 + random.Next(3);
            var first = new DateOnly(year, 1, 1).AddDays(random.Next(365));
            var last = first.AddDays(random.Next(60));
            if (last.Year != year)
            {
                last = new DateOnly(year, 12, 31);
            }

            events.Add(Registered($"r{n}", first.ToString("yyyy-MM-dd"), last.ToString("yyyy-MM-dd"), random.Next(20), random.Next(20), random.Next(3), at: n));
        }

        var book = Book(events);
        var whole = book.CountsFor("H", new ReportPeriod(start, new DateOnly(2025, 12, 31)));
        Assert.Equal(30, whole.Registrations);

        var cut = start.AddDays(1 + random.Next((3 * 365) - 2));
        var before = book.CountsFor("H", new ReportPeriod(start, cut.AddDays(-1)));
        var after = book.CountsFor("H", new ReportPeriod(cut, new DateOnly(2025, 12, 31)));
        Assert.Equal(whole, new RegisteredCounts(before.Women + after.Women, before.Men + after.Men, before.Other + after.Other, before.Registrations + after.Registrations));

        var years = Enumerable.Range(2023, 3).Select(y => book.CountsFor("H", ReportPeriod.Year(y))).ToList();
        Assert.Equal(whole.Total, years.Sum(y => y.Total));
        Assert.Equal(whole.Registrations, years.Sum(y => y.Registrations));
    }

    [Fact]
    public void The_reporting_model_holds_the_book_and_feeds_it()
    {
        var model = new ReportingModel();
        var changed = new Dictionary<string, ISet<string>>(StringComparer.Ordinal);

        model.Apply(Registered("r1", "2025-01-01", "2025-01-31", 5, 3, 0), changed);

        Assert.Contains(model.CountRegistrations, model.Books);
        Assert.Equal(["r1"], changed["count-registrations"]);
        Assert.Equal(new RegisteredCounts(5, 3, 0, 1), model.CountRegistrations.CountsFor("H", ReportPeriod.Year(2025)));
        Assert.Empty(changed["stays"]);
    }

    [Fact]
    public void A_stored_registration_reads_back_equal()
    {
        var registration = Book(History).Find("r3")!;

        var json = JsonSerializer.Serialize(registration, JsonSerializerOptions.Web);

        Assert.Equal(registration, JsonSerializer.Deserialize<CountRegistration>(json, JsonSerializerOptions.Web));
    }
}
