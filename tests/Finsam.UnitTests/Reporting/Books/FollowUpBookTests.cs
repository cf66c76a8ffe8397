using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.Assessments;
using static Finsam.UnitTests.Reporting.Books.BookEvents;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Books;

public sealed class FollowUpBookTests
{
    private static FollowUpBook Book(params IIntegrationEvent[] events)
    {
        var book = new FollowUpBook();
        book.ApplyAll(events);
        return book;
    }

    [Fact]
    public void Contacts_are_kept_by_id_corrected_and_retracted()
    {
        var book = Book(
            FollowUp("e1", "f1", "2025-08-01", at: 0), new FollowUpCorrected("e1", "X", "f1", D("2025-08-03"), At(5)),
            FollowUp("e1", "f2", "2025-09-01", at: 1), new FollowUpRetracted("e1", "X", "f2", At(2)));

        var followUps = book.Find("e1")!;
        Assert.Equal([D("2025-08-03")], followUps.Counting().Select(f => f.ContactOn));
        Assert.True(followUps.FollowUps["f2"].Retracted);
    }

    [Fact]
    public void A_contact_without_an_id_is_kept_under_its_day_so_a_redelivery_is_a_no_op()
    {
        var book = Book(FollowUp("e1", null, "2025-08-01"), FollowUp("e1", null, "2025-08-01"), FollowUp("e1", null, "2025-09-01"));
        Assert.Equal(["legacy:2025-08-01", "legacy:2025-09-01"], book.Find("e1")!.Counting().Select(f => f.FollowUpId));
    }

    [Fact]
    public void A_second_delivery_changes_nothing_and_any_order_gives_the_same_follow_ups()
    {
        AssertIdempotentAndOrderFree<FollowUpBook>(
        [
            FollowUp("e1", "f1", "2025-08-01", at: 0), new FollowUpCorrected("e1", "X", "f1", D("2025-08-03"), At(5)),
            new FollowUpCorrected("e1", "X", "f1", D("2025-08-04"), At(5)), new FollowUpRetracted("e2", "X", "f3", At(2)),
            FollowUp("e2", "f3", "2025-02-01", at: 1), FollowUp("e2", null, "2025-03-01", at: 1),
        ]);
    }

    [Fact]
    public void Every_enrolments_follow_ups_round_trip_through_json()
    {
        AssertRoundTrips(Book(FollowUp("e1", "f1", "2025-08-01"), new FollowUpRetracted("e2", "X", "f3", At(2)), FollowUp("e3", null, "2025-03-01")));
    }
}
