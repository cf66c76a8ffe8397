using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.Stays;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Stays;

public sealed class StayBookTests
{
    [Fact]
    public void A_start_sets_who_the_stay_is_about_and_its_start_facts()
    {
        var book = new StayBook();

        Assert.True(book.Apply(Started("e1", "p1", "2025-03-01", insats: "IPS")));

        var stay = book.Find("e1")!;
        Assert.False(stay.IsParked);
        Assert.Equal("p1", stay.ParticipantId);
        Assert.Equal("IPS", stay.InsatsId);
        Assert.False(stay.Anonymous);
        Assert.Equal("woman", stay.Gender);
        Assert.Equal("30-34", stay.AgeBand);
        Assert.Equal(D("2025-03-01"), stay.StartDate);
        Assert.Null(stay.EndDate);
        Assert.Equal(["forsorjningsstod"], stay.Start!.ForsorjningAtStart);
        Assert.Equal("FK", stay.Identity!.ReferringAgency);
    }

    [Fact]
    public void An_ending_before_its_start_is_parked_and_counts_once_the_start_arrives()
    {
        var book = new StayBook();

        Assert.True(book.Apply(Ended("e1", "2025-06-30", at: 5, insats: "IPS")));

        var parked = book.Find("e1")!;
        Assert.True(parked.IsParked);
        Assert.Null(parked.StartDate);
        Assert.Equal(D("2025-06-30"), parked.EndDate);
        Assert.Equal("IPS", parked.InsatsId);

        book.Apply(Started("e1", "p1", "2025-01-15", at: 1, insats: "IPS"));

        var stay = book.Find("e1")!;
        Assert.False(stay.IsParked);
        Assert.Equal(D("2025-01-15"), stay.StartDate);
        Assert.Equal(D("2025-06-30"), stay.EndDate);
    }

    [Fact]
    public void The_same_event_twice_changes_nothing()
    {
        var book = new StayBook();
        var started = Started("e1", "p1", "2025-03-01");
        var ended = Ended("e1", "2025-05-01", at: 9);
        book.Apply(started);
        book.Apply(ended);
        var before = book.Find("e1");

        Assert.False(book.Apply(started));
        Assert.False(book.Apply(ended));
        Assert.False(book.Apply(started with { }));

        Assert.Same(before, book.Find("e1"));
        Assert.Single(book.Stays);
    }

    [Fact]
    public void A_correction_that_arrives_before_the_start_it_corrects_still_wins()
    {
        var book = new StayBook();

        book.Apply(StartCorrected("e1", "2024-12-20", at: 10));
        Assert.True(book.Find("e1")!.IsParked); // a correction doesn't say who the stay is about

        book.Apply(Started("e1", "p1", "2025-01-10", at: 1));

        var stay = book.Find("e1")!;
        Assert.False(stay.IsParked);
        Assert.Equal(D("2024-12-20"), stay.StartDate);
        Assert.Equal("p1", stay.ParticipantId);
    }

    [Fact]
    public void An_older_correction_arriving_late_does_not_undo_a_newer_one()
    {
        var book = new StayBook();
        book.Apply(Started("e1", "p1", "2025-01-10", at: 1));
        book.Apply(Ended("e1", "2025-04-01", at: 2));
        book.Apply(EndCorrected("e1", "2025-05-01", at: 30));

        Assert.False(book.Apply(EndCorrected("e1", "2025-04-15", at: 20)));
        Assert.False(book.Apply(StartCorrected("e1", "2025-02-01", at: 0)));

        Assert.Equal(D("2025-05-01"), book.Find("e1")!.EndDate);
        Assert.Equal(D("2025-01-10"), book.Find("e1")!.StartDate);
    }

    [Fact]
    public void On_a_tie_in_time_a_correction_beats_the_original_in_either_order()
    {
        foreach (var order in new[] { false, true })
        {
            var book = new StayBook();
            IEnumerable<Finsam.IntegrationEvents.IIntegrationEvent> events =
                [Started("e1", "p1", "2025-01-10", at: 5), StartCorrected("e1", "2025-01-12", at: 5),
                 Ended("e1", "2025-03-01", at: 7), EndCorrected("e1", "2025-03-02", at: 7)];
            book.ApplyAll(order ? events.Reverse() : events);

            Assert.Equal(D("2025-01-12"), book.Find("e1")!.StartDate);
            Assert.Equal(D("2025-03-02"), book.Find("e1")!.EndDate);
        }
    }

    [Fact]
    public void On_a_tie_between_two_corrections_the_pick_does_not_depend_on_arrival()
    {
        var a = EndCorrected("e1", "2025-03-01", at: 7, reason: "studier");
        var b = EndCorrected("e1", "2025-03-01", at: 7, reason: "arbete");
        var first = new StayBook();
        var second = new StayBook();

        first.ApplyAll([a, b]);
        second.ApplyAll([b, a]);

        Assert.Equal(first.Find("e1")!.End!.Reasons, second.Find("e1")!.End!.Reasons);
        Assert.Equal(first.Find("e1")!.EndVersion, second.Find("e1")!.EndVersion);
    }

    [Fact]
    public void Events_that_are_not_about_a_start_or_an_end_are_ignored()
    {
        var book = new StayBook();

        Assert.False(book.Apply(new PlanRecorded("e1", "X", "plan1", D("2025-01-01"), "work", null, null, At(0))));
        Assert.False(book.Apply(new ParticipantRegistered("p1", "woman", 1980, At(0))));

        Assert.Empty(book.Stays);
    }
}
