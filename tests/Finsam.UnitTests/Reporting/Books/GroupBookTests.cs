using System.Runtime.CompilerServices;
using System.Text.Json;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Reporting.Domain.Groups;
using Finsam.Reporting.Infrastructure.ReadModels;
using static Finsam.UnitTests.Reporting.Books.BookEvents;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Books;

public sealed class GroupBookTests
{
    private static GroupBook Book(params IIntegrationEvent[] events)
    {
        var book = new GroupBook();
        book.ApplyAll(events);
        return book;
    }

    private static readonly ScheduledTraff[] FourTraffar =
        [Traff("t1", 1, "2025-03-03"), Traff("t2", 2, "2025-03-10"), Traff("t3", 3, "2025-03-17"), Traff("t4", 4, "2025-03-24")];

    [Fact]
    public void A_scheduled_group_has_its_format_and_planned_traffar()
    {
        var group = Book(Scheduled("g1", 0, "G", FourTraffar)).Find("g1")!;

        Assert.Equal(("G", "stress", "Stresshantering", GroupStatuses.Scheduled), (group.InsatsId, group.FormatId, group.FormatName, group.Status));
        Assert.Equal(4, group.Traffar.Count);
        var t2 = group.Traffar["t2"];
        Assert.Equal((2, 120, D("2025-03-10"), "13:00", false, false), (t2.Number, t2.LengthMinutes, t2.Date, t2.StartTime, t2.IsHeld, t2.IsCancelled));
    }

    [Fact]
    public void The_status_follows_the_status_facts_whatever_order_they_arrive_in()
    {
        Assert.Equal(GroupStatuses.Started, Book(GroupStart("g1", 5), Scheduled("g1", 0, "G", FourTraffar)).Find("g1")!.Status);
        Assert.Equal(GroupStatuses.Cancelled, Book(GroupCancel("g1", 9), GroupStart("g1", 5), Scheduled("g1", 0)).Find("g1")!.Status);
        Assert.Equal(GroupStatuses.Completed, Book(Completed("g1", At(20)), Scheduled("g1", 0), GroupStart("g1", 5)).Find("g1")!.Status);
    }

    [Fact]
    public void A_move_is_a_correction_of_the_traffs_day_and_wins_when_it_occurred_later()
    {
        var moved = new TraffMoved("g1", "G", "t2", D("2025-03-12"), "09:00", At(5));
        var group = Book(moved, Scheduled("g1", 0, "G", FourTraffar)).Find("g1")!;

        Assert.Equal((D("2025-03-12"), "09:00", true, 2), (group.Traffar["t2"].Date, group.Traffar["t2"].StartTime, group.Traffar["t2"].Moved, group.Traffar["t2"].Number));
    }

    [Fact]
    public void A_held_traff_has_its_day_and_length_and_is_held_even_if_a_cancellation_is_also_heard_of()
    {
        var group = Book(
            Scheduled("g1", 0, "G", FourTraffar),
            Held("g1", "t1", 1, "2025-03-03", at: 10, length: 90),
            new TraffCancelled("g1", "G", "t1", D("2025-03-03"), At(11)),
            new TraffCancelled("g1", "G", "t3", D("2025-03-17"), At(12))).Find("g1")!;

        Assert.Equal((D("2025-03-03"), 90, true, false), (group.Traffar["t1"].HeldOn, group.Traffar["t1"].HeldLengthMinutes, group.Traffar["t1"].IsHeld, group.Traffar["t1"].IsCancelled));
        Assert.True(group.Traffar["t3"].IsCancelled);
        Assert.False(group.Traffar["t3"].IsHeld);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2 })]
    [InlineData(new[] { 2, 1, 0 })]
    [InlineData(new[] { 1, 2, 0 })]
    public void A_booking_ends_in_the_same_state_whatever_order_its_events_arrive_in(int[] order)
    {
        IIntegrationEvent[] waitlistedThenPromotedThenCancelled =
            [Waitlisted("g1", "b1", "p1", at: 0), Promoted("g1", "b1", "p1", at: 1, joinedAt: 3), BookingCancel("g1", "b1", "p1", at: 2)];
        var booking = Book([.. order.Select(i => waitlistedThenPromotedThenCancelled[i])]).Find("g1")!.Bookings["b1"];

        Assert.Equal((GroupBooking.CancelledState, true, true, false, 3), (booking.State, booking.Placed, booking.Waitlisted, booking.CancelledWhileWaitlisted, booking.JoinedAtTraff));
        Assert.Equal("p1", booking.ParticipantId);
    }

    [Fact]
    public void Booking_states()
    {
        var bookings = Book(
            Booked("g1", "b1", "p1"),
            Waitlisted("g1", "b2", "p2"),
            Waitlisted("g1", "b3", "p3"), BookingCancel("g1", "b3", "p3", wasWaitlisted: true)).Find("g1")!.Bookings;

        Assert.Equal(GroupBooking.PlacedState, bookings["b1"].State);
        Assert.Equal(GroupBooking.WaitlistedState, bookings["b2"].State);
        Assert.Equal((GroupBooking.CancelledState, false, true), (bookings["b3"].State, bookings["b3"].Placed, bookings["b3"].CancelledWhileWaitlisted));
    }

    [Fact]
    public void A_correction_of_attendance_wins_by_version_even_when_it_arrives_before_the_recording()
    {
        var traff = Book(
            AttendanceCorrection("g1", "t1", "p1", "excused-absence", 0, at: 30),
            Attended("g1", "t1", "p1", "present", 2, at: 10),
            Attended("g1", "t1", "p2", "unexcused-absence", 0, at: 10)).Find("g1")!.Traffar["t1"];

        Assert.Equal(new AttendanceMark(AttendanceStatus.ExcusedAbsence, 0f, At(30), true), traff.Attendance["p1"]);
        Assert.Equal(AttendanceStatus.UnexcusedAbsence, traff.Attendance["p2"].Status);
    }

    [Fact]
    public void A_correction_at_the_same_instant_as_the_recording_wins()
    {
        var mark = Book(Attended("g1", "t1", "p1", "present", 2, at: 10), AttendanceCorrection("g1", "t1", "p1", "excused-absence", 0, at: 10))
            .Find("g1")!.Traffar["t1"].Attendance["p1"];
        Assert.Equal(AttendanceStatus.ExcusedAbsence, mark.Status);
    }

    [Fact]
    public void An_unknown_attendance_status_is_recorded_as_other()
    {
        Assert.Equal(AttendanceStatus.Other, Book(Attended("g1", "t1", "p1", "late")).Find("g1")!.Traffar["t1"].Attendance["p1"].Status);
    }

    [Fact]
    public void A_completed_group_keeps_its_outcomes_and_ends_on_its_last_held_traff()
    {
        var group = Book(
            Scheduled("g1", 0, "G", FourTraffar),
            Held("g1", "t1", 1, "2025-03-03"), Held("g1", "t2", 2, "2025-03-10"), Held("g1", "t4", 4, "2025-03-24"),
            Completed("g1", new DateTime(2025, 4, 2, 23, 30, 0, DateTimeKind.Utc), "G", ("p1", true), ("p2", false))).Find("g1")!;

        Assert.Equal(D("2025-03-24"), group.CompletedOn);
        // 23:30 UTC on 2 April is 01:30 on 3 April in Sweden.
        Assert.Equal(D("2025-04-03"), group.Completion!.On);
        Assert.Equal([("p1", true), ("p2", false)], group.Completion.Participants.Select(p => (p.ParticipantId, p.Completed)));
    }

    [Fact]
    public void A_completed_group_with_no_held_traff_known_ends_on_the_day_it_was_closed()
    {
        Assert.Equal(D("2025-04-02"), Book(Completed("g1", new DateTime(2025, 4, 2, 10, 0, 0, DateTimeKind.Utc))).Find("g1")!.CompletedOn);
    }

    [Fact]
    public void A_cancelled_group_has_its_swedish_day()
    {
        var group = Book(new GroupCancelled("g1", "G", new DateTime(2025, 12, 31, 23, 30, 0, DateTimeKind.Utc))).Find("g1")!;
        Assert.Equal(D("2026-01-01"), group.CancelledOn);
    }

    [Fact]
    public void A_second_delivery_changes_nothing_and_any_order_gives_the_same_groups()
    {
        AssertIdempotentAndOrderFree<GroupBook>(
        [
            Scheduled("g1", 0, "G", FourTraffar), GroupStart("g1", 2), new TraffMoved("g1", "G", "t3", D("2025-03-18"), "10:00", At(3)),
            new TraffAdded("g1", "G", Traff("t5", 5, "2025-03-31"), At(4)), new TraffCancelled("g1", "G", "t4", D("2025-03-24"), At(5)),
            Booked("g1", "b1", "p1", at: 1), Booked("g1", "b2", "p2", at: 1), Waitlisted("g1", "b3", "p3", at: 1),
            BookingCancel("g1", "b2", "p2", at: 6), Promoted("g1", "b3", "p3", at: 6),
            Held("g1", "t1", 1, "2025-03-03", at: 7), Attended("g1", "t1", "p1", at: 7), Attended("g1", "t1", "p2", "excused-absence", 0, at: 7),
            AttendanceCorrection("g1", "t1", "p2", "present", 2, at: 7), AttendanceCorrection("g1", "t1", "p2", "unexcused-absence", 0, at: 7),
            Held("g1", "t2", 2, "2025-03-10", at: 8), Attended("g1", "t2", "p1", at: 8), Attended("g1", "t2", "p3", at: 8),
            Completed("g1", At(20), "G", ("p1", true), ("p3", false)),
            Scheduled("g2", 0, "H", Traff("u1", 1, "2025-05-05")), GroupCancel("g2", 3, "H"), new TraffCancelled("g2", "H", "u1", D("2025-05-05"), At(3)),
        ]);
    }

    [Fact]
    public void Every_group_round_trips_through_json()
    {
        AssertRoundTrips(Book(
            Scheduled("g1", 0, "G", FourTraffar), GroupStart("g1", 2), Booked("g1", "b1", "p1"), Waitlisted("g1", "b2", "p2"),
            Held("g1", "t1", 1, "2025-03-03", at: 7), Attended("g1", "t1", "p1", hours: 1.5), Attended("g1", "t1", "p2", "late", 0.25),
            AttendanceCorrection("g1", "t1", "p1", "excused-absence", 1.1, at: 9),
            Completed("g1", At(20), "G", ("p1", true)), GroupCancel("g2", 1, "H")));
    }

    [Fact]
    public void An_attendance_record_is_a_sixteen_byte_value()
    {
        Assert.Equal(16, Unsafe.SizeOf<AttendanceMark>());
    }

    [Fact]
    public void Participant_ids_read_back_from_storage_share_one_instance()
    {
        var book = Book(Booked("g1", "b1", "p-shared-1"), Attended("g1", "t1", "p-shared-1"), Attended("g1", "t2", "p-shared-1"));
        // As the read-model store writes and reads it.
        var text = JsonSerializer.Serialize(book.Find("g1"), ReadModelJson.Options);

        var first = JsonSerializer.Deserialize<Group>(text, ReadModelJson.Options)!;
        var second = JsonSerializer.Deserialize<Group>(text, ReadModelJson.Options)!;
        var ids = new[]
        {
            first.Traffar["t1"].Attendance.Keys.Single(), first.Traffar["t2"].Attendance.Keys.Single(), first.Bookings["b1"].ParticipantId,
            second.Traffar["t1"].Attendance.Keys.Single(),
        };

        Assert.All(ids, id => Assert.Same(ids[0], id));
    }
}
