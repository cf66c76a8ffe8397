using Finsam.IntegrationEvents;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;
using FsCheck.Xunit;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Stays;

/// <summary>
/// Events between services arrive in any order and may be delivered twice: a generated history (starts, endings,
/// corrections with clashing times, duplicates) applied in shuffled orders must give the same stays and counts
/// as applying it in the order it was written.
/// </summary>
public sealed class StayOrderPropertyTests
{
    private static readonly string?[] People = ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", null, null];

    [Property(MaxTest = 200)]
    public void Any_arrival_order_gives_the_same_stays_and_counts(int historySeed, int orderSeed)
    {
        var history = History(new Random(historySeed));
        var expected = Model(history);
        var random = new Random(orderSeed);

        for (var i = 0; i < 3; i++)
        {
            var shuffled = history.ToArray();
            random.Shuffle(shuffled);
            var actual = Model(shuffled);

            Assert.Equal(Snapshot(expected.Stays), Snapshot(actual.Stays));
            foreach (var insats in new[] { "X", "Y", null })
            {
                for (var year = 2023; year <= 2026; year++)
                {
                    Assert.Equal(
                        StayCountsTests.Counts(expected, insats, ReportPeriod.Year(year)),
                        StayCountsTests.Counts(actual, insats, ReportPeriod.Year(year)));
                }
            }
        }
    }

    private static ReportingModel Model(IEnumerable<IIntegrationEvent> events)
    {
        var model = new ReportingModel();
        model.Stays.ApplyAll(events);
        return model;
    }

    // The versions say which fact each part holds; records compare them by value.
    private static List<string> Snapshot(StayBook book) =>
        [.. book.Stays.OrderBy(s => s.EnrolmentId, StringComparer.Ordinal)
            .Select(s => $"{s.EnrolmentId} {s.InsatsId} {s.StartDate} {s.EndDate} {s.IdentityVersion} {s.StartVersion} {s.EndVersion}")];

    private static List<IIntegrationEvent> History(Random random)
    {
        var events = new List<IIntegrationEvent>();
        for (var n = 0; n < 25; n++)
        {
            var id = $"e{n}";
            var insats = random.Next(2) == 0 ? "X" : "Y";
            var start = new DateOnly(2023, 1, 1).AddDays(random.Next(4 * 365));
            // Small time range so corrections often tie with each other or with the original.
            int At() => random.Next(6);

            if (random.Next(10) > 0)
            {
                var person = People[random.Next(People.Length)];
                events.Add(Started(id, person, Iso(start), At(), insats, anonymous: person is null));
            }

            for (var c = random.Next(3); c > 0; c--)
            {
                events.Add(StartCorrected(id, Iso(start.AddDays(random.Next(-40, 40))), At(), insats, yearsInSupport: random.Next(3)));
            }

            if (random.Next(3) > 0)
            {
                var end = start.AddDays(random.Next(0, 500));
                events.Add(Ended(id, Iso(end), At(), insats));
                for (var c = random.Next(3); c > 0; c--)
                {
                    events.Add(EndCorrected(id, Iso(end.AddDays(random.Next(-20, 20))), At(), insats, random.Next(2) == 0 ? "arbete" : "studier"));
                }
            }
        }

        // Redeliveries.
        for (var d = random.Next(10); d > 0; d--)
        {
            events.Add(events[random.Next(events.Count)]);
        }

        return events;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
