using Finsam.Activities.Application.Attendance;
using Finsam.Activities.Application.Bookings;
using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;
using Finsam.Platform.Grpc;
using Finsam.Protos.Activities.V1;
using Google.Protobuf.WellKnownTypes;
using DomainAttendanceStatus = Finsam.Activities.Domain.Groups.AttendanceStatus;
using DomainBookingStatus = Finsam.Activities.Domain.Groups.BookingStatus;
using ProtoAttendanceCorrection = Finsam.Protos.Activities.V1.AttendanceCorrection;
using ProtoAttendanceStatus = Finsam.Protos.Activities.V1.AttendanceStatus;
using ProtoBooking = Finsam.Protos.Activities.V1.Booking;
using ProtoBookingStatus = Finsam.Protos.Activities.V1.BookingStatus;

namespace Finsam.Activities.Api;

/// <summary>Bookings, rosters and attendance: domain → proto, and the attendance status proto → domain.</summary>
public static class BookingsMapping
{
    public static ProtoBooking ToProto(BookingView view)
    {
        var booking = view.Booking;
        var proto = new ProtoBooking
        {
            BookingId = booking.Id,
            GroupId = view.Group.Id,
            ParticipantId = booking.ParticipantId,
            Status = booking.Status switch
            {
                DomainBookingStatus.Booked => ProtoBookingStatus.Booked,
                DomainBookingStatus.Waitlisted => ProtoBookingStatus.Waitlisted,
                _ => ProtoBookingStatus.Cancelled,
            },
            WaitlistPosition = view.WaitlistPosition,
            BookedAt = ProtoTimestamps.FromUtc(booking.BookedAt),
            JoinedAtTraff = booking.JoinedAtTraff,
            CancelReason = booking.CancelReason ?? "",
        };
        if (booking.PromotedAt is { } promotedAt)
        {
            proto.PromotedAt = ProtoTimestamps.FromUtc(promotedAt);
        }

        if (booking.CancelledAt is { } cancelledAt)
        {
            proto.CancelledAt = ProtoTimestamps.FromUtc(cancelledAt);
        }

        return proto;
    }

    public static Roster ToProto(RosterView roster) => new()
    {
        GroupId = roster.Group.Id,
        MaxParticipants = roster.Group.MaxParticipants,
        TraffarHeld = roster.TraffarHeld,
        Booked =
        {
            roster.Booked.Select(t => new RosterEntry
            {
                Booking = ToProto(new BookingView(roster.Group, t.Booking)),
                TraffarHeldWhileBooked = t.TraffarHeldWhileBooked,
                Present = t.Present,
                ExcusedAbsence = t.ExcusedAbsence,
                UnexcusedAbsence = t.UnexcusedAbsence,
                AttendancePercent = t.AttendancePercent,
                HoursPresent = t.HoursPresent,
                Unrecorded = t.Unrecorded,
            }),
        },
        Waitlist = { roster.Waitlist.Select(b => ToProto(new BookingView(roster.Group, b))) },
    };

    public static TraffAttendance ToProto(TraffAttendanceView view) => new()
    {
        GroupId = view.Group.Id,
        TraffId = view.Traff.Id,
        TraffNumber = view.Traff.Number,
        Date = ProtoDates.ToProto(view.Traff.Date),
        Etag = Etags.Of(view.Group.Version),
        Entries =
        {
            view.Traff.Attendance.Select(a => new RecordedAttendance
            {
                ParticipantId = a.ParticipantId,
                Status = ToProto(a.Status),
                Hours = a.Hours,
                RecordedBy = a.RecordedBy,
                RecordedAt = ProtoTimestamps.FromUtc(a.RecordedAt),
                Corrections =
                {
                    a.Corrections.Select(c => new ProtoAttendanceCorrection
                    {
                        PreviousStatus = ToProto(c.PreviousStatus),
                        PreviousHours = c.PreviousHours,
                        CorrectedBy = c.CorrectedBy,
                        CorrectedAt = ProtoTimestamps.FromUtc(c.CorrectedAt),
                        Reason = c.Reason,
                    }),
                },
            }),
        },
    };

    public static AttendanceSummary ToProto(AttendanceSummaryView summary) => new()
    {
        GroupId = summary.Group.Id,
        CompletionMinAttendancePercent = summary.Group.CompletionMinAttendancePercent,
        Completed = summary.Completed,
        OverallAttendancePercent = summary.OverallAttendancePercent,
        Traffar =
        {
            summary.Traffar.Select(t => new TraffRate
            {
                TraffId = t.Traff.Id,
                Number = t.Traff.Number,
                Date = ProtoDates.ToProto(t.Traff.Date),
                Expected = t.Expected,
                Present = t.Present,
                AttendancePercent = t.AttendancePercent,
            }),
        },
        Participants =
        {
            summary.Participants.Select(p => new ParticipantRate
            {
                ParticipantId = p.Booking.ParticipantId,
                TraffarHeldWhileBooked = p.TraffarHeldWhileBooked,
                Present = p.Present,
                AttendancePercent = p.AttendancePercent,
                Completed = p.Completed(summary.Group.CompletionMinAttendancePercent),
                Unrecorded = p.Unrecorded,
            }),
        },
    };

    /// <summary>Null for UNSPECIFIED (or an unknown number), which validation refuses naming the field.</summary>
    public static DomainAttendanceStatus? ToDomain(ProtoAttendanceStatus status) => status switch
    {
        ProtoAttendanceStatus.Present => DomainAttendanceStatus.Present,
        ProtoAttendanceStatus.ExcusedAbsence => DomainAttendanceStatus.ExcusedAbsence,
        ProtoAttendanceStatus.UnexcusedAbsence => DomainAttendanceStatus.UnexcusedAbsence,
        _ => null,
    };

    public static ProtoAttendanceStatus ToProto(DomainAttendanceStatus status) => status switch
    {
        DomainAttendanceStatus.Present => ProtoAttendanceStatus.Present,
        DomainAttendanceStatus.ExcusedAbsence => ProtoAttendanceStatus.ExcusedAbsence,
        _ => ProtoAttendanceStatus.UnexcusedAbsence,
    };

    // The stored state comes back through JSON; a Timestamp needs the kind said to be UTC, which it always is.
}
