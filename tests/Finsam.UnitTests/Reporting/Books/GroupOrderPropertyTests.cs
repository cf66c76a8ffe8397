using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Sections;
using Finsam.Reporting.Domain.Stays;
using FsCheck.Xunit;
using static Finsam.UnitTests.Reporting.Books.BookEvents;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Books;

/// <summary>
/// Group events arrive in any order and may be delivered twice: a generated history of groups (schedules, moves,
/// cancellations, bookings through the waiting list, attendance with corrections at clashing times, completions)
/// applied in shuffled orders must give the same groups and the same group-work figures as in the order written.
/// </summary>
public sealed class GroupOrderPropertyTests
{
    private static readonly string[] People = ["p1", "p2", "p3", "p4", "p5", "p6"];
    private static readonly string[] Statuses = ["present", "present", "excused-absence", "unexcused-absence"];

    [Property(MaxTest = 150)]
    public void Any_arrival_order_gives_the_same_groups_and_figures(int historySeed, int orderSeed)
    {
        var history = History(new Random(historySeed));
        var expected = Model(history);
        var random = new Random(orderSeed);

        for (var i = 0; i < 3; i++)
        {
            var shuffled = history.ToArray();
            random.Shuffle(shuffled);
            var actual = Model(shuffled);

            Assert.Equal(Snapshot(expected.Groups), Snapshot(actual.Groups));
            foreach (var insats in new[] { "G", "H", null })
            {
                foreach (var year in new[] { 2024, 2025 })
                {
                    Assert.Equal(Figures(expected, insats, year), Figures(actual, insats, year));
                }
            }
        }
    }

    private static ReportingModel Model(IEnumerable<IIntegrationEvent> events)
    {
        var model = new ReportingModel();
        var changed = new Dictionary<string, ISet<string>>(StringComparer.Ordinal);
        foreach (var integrationEvent in events)
        {
            model.Apply(integrationEvent, changed);
        }

        return model;
    }

    // Records hold lists; compare the figures by their JSON.
    private static string Figures(ReportingModel model, string? insats, int year) =>
        System.Text.Json.JsonSerializer.Serialize(GroupWorkCalculator.For(new ReportInput(model, insats, ReportPeriod.Year(year), new ReportSettings())), Json);

    private static List<IIntegrationEvent> History(Random random)
    {
        var events = new List<IIntegrationEvent>();
        // Small time range so versions often tie.
        int Time() => random.Next(8);

        for (var g = 0; g < 4; g++)
        {
            var group = $"g{g}";
            var insats = random.Next(2) == 0 ? "G" : "H";
            var first = new DateOnly(2024, 11, 1).AddDays(random.Next(120));
            var traffar = Enumerable.Range(1, 2 + random.Next(4))
                .Select(n => Traff($"{group}-t{n}", n, Iso(first.AddDays(7 * (n - 1)))))
                .ToArray();

            if (random.Next(8) > 0)
            {
                events.Add(Scheduled(group, Time(), insats, traffar));
            }

            if (random.Next(4) > 0)
            {
                events.Add(GroupStart(group, Time(), insats));
            }

            var people = People.Where(_ => random.Next(3) > 0).ToList();
            foreach (var person in people)
            {
                var booking = $"{group}-{person}";
                if (random.Next(4) == 0)
                {
                    events.Add(Waitlisted(group, booking, person, Time(), insats));
                    if (random.Next(2) == 0)
                    {
                        events.Add(Promoted(group, booking, person, Time(), insats, joinedAt: 1 + random.Next(3)));
                    }
                }
                else
                {
                    events.Add(Booked(group, booking, person, Time(), insats));
                }

                if (random.Next(6) == 0)
                {
                    events.Add(BookingCancel(group, booking, person, Time(), insats, wasWaitlisted: random.Next(2) == 0));
                }
            }

            foreach (var traff in traffar)
            {
                if (random.Next(6) == 0)
                {
                    events.Add(new TraffMoved(group, insats, traff.TraffId, traff.Date.AddDays(random.Next(-3, 4)), "10:00", At(Time())));
                }

                if (random.Next(5) == 0)
                {
                    events.Add(new TraffCancelled(group, insats, traff.TraffId, traff.Date, At(Time())));
                    continue;
                }

                if (random.Next(4) == 0)
                {
                    continue;
                }

                events.Add(Held(group, traff.TraffId, traff.Number, Iso(traff.Date), Time(), insats));
                foreach (var person in people)
                {
                    events.Add(Attended(group, traff.TraffId, person, Statuses[random.Next(Statuses.Length)], random.Next(5) * 0.5, Time(), insats));
                    for (var c = random.Next(3) == 0 ? 1 + random.Next(2) : 0; c > 0; c--)
                    {
                        events.Add(AttendanceCorrection(group, traff.TraffId, person, Statuses[random.Next(Statuses.Length)], random.Next(5) * 0.5, Time(), insats));
                    }
                }
            }

            switch (random.Next(4))
            {
                case 0:
                    events.Add(GroupCancel(group, Time(), insats));
                    break;
                case 1:
                    events.Add(Completed(group, new DateTime(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(random.Next(60)), insats,
                        [.. people.Select(p => (p, random.Next(2) == 0))]));
                    break;
            }

            events.Add(Evaluation($"{group}-v", group, Iso(first)[..7], ["S1", "S2"], [random.Next(7), random.Next(7)], insats));
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
