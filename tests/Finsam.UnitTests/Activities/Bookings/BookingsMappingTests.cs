using Finsam.Activities.Api;
using Finsam.Activities.Application.Attendance;
using Finsam.Activities.Application.Bookings;
using Finsam.Activities.Domain.Groups;
using Google.Protobuf.WellKnownTypes;
using static Finsam.UnitTests.Activities.Bookings.TestGroup;
using ProtoAttendanceStatus = Finsam.Protos.Activities.V1.AttendanceStatus;
using ProtoBookingStatus = Finsam.Protos.Activities.V1.BookingStatus;

namespace Finsam.UnitTests.Activities.Bookings;

/// <summary>Domain → proto for bookings, rosters and attendance, over the state the handlers leave.</summary>
public sealed class BookingsMappingTests
{
    private static readonly Timestamp Now = Timestamp.FromDateTimeOffset(ActivitiesHarness.DefaultNow);

    [Fact]
    public async Task Bookings_carry_their_status_position_and_instants()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().Max(1).Booked(P(1)).Waitlisted(P(2), P(3)).AddAsync(harness);
        var cancelled = await harness.Get<CancelBookingHandler>().HandleAsync(
            LeaderCaller, new CancelBookingCommand(group.Id, group.Bookings[0].Id, "ovrigt"), Ct);
        var roster = BookingsMapping.ToProto(await harness.Get<GetRosterHandler>().HandleAsync(LeaderCaller, group.Id, Ct));

        var proto = BookingsMapping.ToProto(cancelled);
        Assert.Equal((ProtoBookingStatus.Cancelled, 0, "ovrigt", Now, group.Id), (proto.Status, proto.WaitlistPosition, proto.CancelReason, proto.CancelledAt, proto.GroupId));
        Assert.Null(proto.PromotedAt);

        var promoted = Assert.Single(roster.Booked).Booking;
        Assert.Equal((P(2), ProtoBookingStatus.Booked, Now, 1), (promoted.ParticipantId, promoted.Status, promoted.PromotedAt, promoted.JoinedAtTraff));
        Assert.Null(promoted.CancelledAt);
        var waiting = Assert.Single(roster.Waitlist);
        Assert.Equal((P(3), ProtoBookingStatus.Waitlisted, 1, 0), (waiting.ParticipantId, waiting.Status, waiting.WaitlistPosition, waiting.JoinedAtTraff));
        Assert.Equal((group.Id, 1, 0), (roster.GroupId, roster.MaxParticipants, roster.TraffarHeld));
    }

    [Fact]
    public async Task Traff_attendance_carries_the_groups_etag_and_each_correction()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Booked(1).Attendance(2, (P(1), AttendanceStatus.UnexcusedAbsence)).AddAsync(harness);
        var view = await harness.Get<CorrectAttendanceHandler>().HandleAsync(
            LeaderCaller, new CorrectAttendanceCommand(group.Id, "traff-2", P(1), AttendanceStatus.Present, 0, "Fel ruta.", group.Version.ToString()), Ct);

        var proto = BookingsMapping.ToProto(view);

        Assert.Equal((group.Id, "traff-2", 2, (group.Version + 1).ToString()), (proto.GroupId, proto.TraffId, proto.TraffNumber, proto.Etag));
        Assert.Equal((2026, 2, 19), (proto.Date.Year, proto.Date.Month, proto.Date.Day));
        var entry = Assert.Single(proto.Entries);
        Assert.Equal((P(1), ProtoAttendanceStatus.Present, 2.0, Leader), (entry.ParticipantId, entry.Status, entry.Hours, entry.RecordedBy));
        var correction = Assert.Single(entry.Corrections);
        Assert.Equal((ProtoAttendanceStatus.UnexcusedAbsence, 0.0, Leader, Now, "Fel ruta."), (correction.PreviousStatus, correction.PreviousHours, correction.CorrectedBy, correction.CorrectedAt, correction.Reason));
    }

    [Fact]
    public async Task The_summary_carries_rates_per_traff_and_participant()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().CompletionPercent(50).Booked(2)
            .Attendance(1, (P(1), AttendanceStatus.Present), (P(2), AttendanceStatus.ExcusedAbsence))
            .AddAsync(harness);

        var proto = BookingsMapping.ToProto(await harness.Get<AttendanceQueries>().GetSummaryAsync(LeaderCaller, group.Id, Ct));

        Assert.Equal((50, 1, 50.0), (proto.CompletionMinAttendancePercent, proto.Completed, proto.OverallAttendancePercent));
        var traff = Assert.Single(proto.Traffar);
        Assert.Equal(("traff-1", 1, 2, 1, 50.0, 16), (traff.TraffId, traff.Number, traff.Expected, traff.Present, traff.AttendancePercent, traff.Date.Day));
        Assert.Equal(
            [(P(1), 1, 1, 100.0, true), (P(2), 1, 0, 0.0, false)],
            proto.Participants.Select(p => (p.ParticipantId, p.TraffarHeldWhileBooked, p.Present, p.AttendancePercent, p.Completed)));
    }

    [Fact]
    public async Task Roster_and_summary_show_held_traffar_without_a_record_as_unrecorded()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        // Nobody recorded P2 at träff 1, nor the late joiner P3 at träff 3, their first.
        var group = await new TestGroup().Booked(P(1), P(2)).LateJoiner(P(3), 3)
            .Attendance(1, (P(1), AttendanceStatus.Present))
            .Attendance(2, (P(1), AttendanceStatus.Present), (P(2), AttendanceStatus.ExcusedAbsence))
            .Attendance(3, (P(1), AttendanceStatus.UnexcusedAbsence), (P(2), AttendanceStatus.Present))
            .AddAsync(harness);

        var roster = BookingsMapping.ToProto(await harness.Get<GetRosterHandler>().HandleAsync(LeaderCaller, group.Id, Ct));
        var summary = BookingsMapping.ToProto(await harness.Get<AttendanceQueries>().GetSummaryAsync(LeaderCaller, group.Id, Ct));

        Assert.Equal(
            [(P(1), 3, 0), (P(2), 3, 1), (P(3), 1, 1)],
            roster.Booked.Select(e => (e.Booking.ParticipantId, e.TraffarHeldWhileBooked, e.Unrecorded)));
        Assert.Equal(
            [(P(1), 3, 0), (P(2), 3, 1), (P(3), 1, 1)],
            summary.Participants.Select(p => (p.ParticipantId, p.TraffarHeldWhileBooked, p.Unrecorded)));
    }

    [Theory]
    [InlineData(ProtoAttendanceStatus.Unspecified, null)]
    [InlineData(ProtoAttendanceStatus.Present, AttendanceStatus.Present)]
    [InlineData(ProtoAttendanceStatus.ExcusedAbsence, AttendanceStatus.ExcusedAbsence)]
    [InlineData(ProtoAttendanceStatus.UnexcusedAbsence, AttendanceStatus.UnexcusedAbsence)]
    [InlineData((ProtoAttendanceStatus)99, null)]
    public void Attendance_status_maps_to_the_domain_and_unspecified_to_nothing(ProtoAttendanceStatus proto, AttendanceStatus? domain) =>
        Assert.Equal(domain, BookingsMapping.ToDomain(proto));
}
