using Finsam.IntegrationEvents;
using Finsam.Reporting.Domain.Referrals;
using static Finsam.UnitTests.Reporting.Books.BookEvents;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Books;

public sealed class ReferralBookTests
{
    private static ReferralBook Book(params IIntegrationEvent[] events)
    {
        var book = new ReferralBook();
        book.ApplyAll(events);
        return book;
    }

    [Fact]
    public void A_referral_keeps_what_it_came_with_and_its_latest_status()
    {
        var referral = Book(Received("r1", "p1", "2025-02-03", at: 0, agency: "af"), Queued("r1", at: 5), Accepted("r1", at: 9)).Find("r1")!;

        Assert.Equal("p1", referral.ParticipantId);
        Assert.Equal("X", referral.InsatsId);
        Assert.Equal("af", referral.Agency);
        Assert.Equal(D("2025-02-03"), referral.ReceivedOn);
        Assert.Equal(ReferralStatuses.Accepted, referral.Status);
        Assert.False(referral.IsParked);
    }

    [Fact]
    public void The_status_that_occurred_last_wins_whatever_order_the_events_arrive_in()
    {
        var referral = Book(Declined("r1", at: 9, reason: "tackar-nej"), Queued("r1", at: 5), Received("r1", "p1", "2025-02-03", at: 0)).Find("r1")!;

        Assert.Equal(ReferralStatuses.Declined, referral.Status);
        Assert.Equal("tackar-nej", referral.DeclineReason);
        Assert.Equal(D("2025-02-03"), referral.ReceivedOn);
    }

    [Fact]
    public void A_decision_before_its_referral_is_parked_with_its_insats_until_the_referral_arrives()
    {
        var book = Book(Withdrawn("r1", at: 3, insats: "Y"));
        var parked = book.Find("r1")!;

        Assert.True(parked.IsParked);
        Assert.Equal("Y", parked.InsatsId);
        Assert.Equal(ReferralStatuses.Withdrawn, parked.Status);
        Assert.Null(parked.Agency);

        book.ApplyAll([Received("r1", null, "2025-01-10", at: 1, insats: "Y", agency: "kommun")]);
        var arrived = book.Find("r1")!;
        Assert.False(arrived.IsParked);
        Assert.Null(arrived.ParticipantId);
        Assert.Equal("kommun", arrived.Agency);
        Assert.Equal(ReferralStatuses.Withdrawn, arrived.Status);
    }

    [Fact]
    public void Statuses_at_the_same_instant_go_to_the_one_further_along()
    {
        Assert.Equal(ReferralStatuses.Queued, Book(Queued("r1", at: 0), Received("r1", "p1", "2025-01-01", at: 0)).Find("r1")!.Status);
        Assert.Equal(ReferralStatuses.Accepted, Book(Accepted("r1", at: 4), Queued("r1", at: 4), Received("r1", "p1", "2025-01-01")).Find("r1")!.Status);
    }

    [Fact]
    public void Only_received_is_received()
    {
        var referral = Book(Received("r1", "p1", "2025-01-01")).Find("r1")!;
        Assert.Equal(ReferralStatuses.Received, referral.Status);
        Assert.Null(referral.DeclineReason);
    }

    [Fact]
    public void A_second_delivery_changes_nothing_and_any_order_gives_the_same_referrals()
    {
        AssertIdempotentAndOrderFree<ReferralBook>(
        [
            Received("r1", "p1", "2025-01-01", at: 0), Queued("r1", at: 2), Accepted("r1", at: 7),
            Received("r2", null, "2025-03-01", at: 1, agency: "region"), Declined("r2", at: 1),
            Withdrawn("r3", at: 8), Received("r3", "p3", "2025-04-01", at: 3), Queued("r3", at: 5),
            Accepted("r4", at: 5), Declined("r4", at: 5, reason: "ej-nadd"),
        ]);
    }

    [Fact]
    public void Every_referral_round_trips_through_json()
    {
        AssertRoundTrips(Book(Received("r1", "p1", "2025-01-01"), Declined("r1", at: 3), Withdrawn("r2", at: 1), Received("r3", null, "2025-01-05")));
    }
}
