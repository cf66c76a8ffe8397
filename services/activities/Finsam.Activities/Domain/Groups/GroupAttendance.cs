using Finsam.Platform.Time;

namespace Finsam.Activities.Domain.Groups;

/// <summary>How one booking fared over the träffar held while it held a place.</summary>
public sealed record ParticipantTally(Booking Booking, int TraffarHeldWhileBooked, int Present, int ExcusedAbsence, int UnexcusedAbsence, double HoursPresent)
{
    /// <summary>Present / träffar held while booked, in percent; 0 when none has been held yet.</summary>
    public double AttendancePercent => GroupAttendance.Percent(Present, TraffarHeldWhileBooked);

    /// <summary>
    /// The format's completion rule: present at no less than <paramref name="minPercent"/> of the träffar held while
    /// booked, compared in whole numbers so 6 of 8 is exactly 75 %. Nobody completes without a träff held.
    /// </summary>
    public bool Completed(int minPercent) => TraffarHeldWhileBooked > 0 && Present * 100 >= minPercent * TraffarHeldWhileBooked;

    /// <summary>
    /// Held träffar that count for the booking but have no record of it: neither present nor absent, only not yet
    /// registered. A group doesn't complete while anyone has one, since the rate would silently treat it as absence.
    /// </summary>
    public int Unrecorded => TraffarHeldWhileBooked - Present - ExcusedAbsence - UnexcusedAbsence;
}

/// <summary>A held träff and the bookings that count at it without a record there.</summary>
public sealed record MissingAttendance(Traff Traff, IReadOnlyList<Booking> Bookings);

/// <summary>One held träff: for how many it counted and how many were there.</summary>
public sealed record TraffTally(Traff Traff, int Expected, int Present)
{
    public double AttendancePercent => GroupAttendance.Percent(Present, Expected);
}

/// <summary>
/// Attendance rules and figures of a group. A träff counts for a booking when it was held while the booking held a
/// place: from the träff the booking joined at, and, for a cancelled one, only the träffar it was recorded at.
/// </summary>
public static class GroupAttendance
{
    public static IEnumerable<Traff> HeldTraffar(this Group group) =>
        group.Traffar.Where(t => t.Status == TraffStatus.Held).OrderBy(t => t.Number);

    /// <summary>The träff the booking counts from, looked up by id; null while wait-listed (or for a booking stored before ids were kept).</summary>
    public static Traff? JoinedAt(this Group group, Booking booking) => group.FindTraff(booking.JoinedAtTraffId);

    /// <summary>
    /// Whether the booking's joining träff comes no later than <paramref name="traff"/> in date order. Both are looked
    /// up and compared by their current positions (<see cref="Group.Renumber"/> keeps <see cref="Traff.Number"/> the
    /// position), so a träff added or moved before the join point moves both alike.
    /// </summary>
    public static bool HasJoinedBy(this Group group, Booking booking, Traff traff) =>
        group.JoinedAt(booking) is { } joinedAt && joinedAt.Number <= traff.Number;

    /// <summary>
    /// Whether the booking held a place at the träff: booked (not merely wait-listed) from a träff no later than this
    /// one, and, if since cancelled, cancelled on the träff's day or later (attendance is often recorded afterwards,
    /// and someone who came and then left the group was still there).
    /// </summary>
    public static bool IsBookedAt(this Group group, Booking booking, Traff traff)
    {
        if (!group.HasJoinedBy(booking, traff))
        {
            return false;
        }

        return booking.Status switch
        {
            BookingStatus.Booked => true,
            BookingStatus.Cancelled => !booking.CancelledFromWaitlist
                && booking.CancelledAt is { } cancelledAt
                && SwedishCalendar.DayOf(cancelledAt) >= traff.Date,
            _ => false,
        };
    }

    /// <summary>
    /// Whether the träff counts in the booking's figures and the träff's: a current booking from the träff it joined
    /// at; a cancelled one only where it has attendance recorded. Not by the day it was cancelled, because a group is
    /// often registered afterwards: a booking cancelled in November for a course held in May was never at its
    /// träffar, though every one of them lies before the cancellation.
    /// </summary>
    public static bool CountsAt(this Group group, Booking booking, Traff traff) => booking.Status switch
    {
        BookingStatus.Booked => group.HasJoinedBy(booking, traff),
        BookingStatus.Cancelled => group.IsBookedAt(booking, traff) && traff.RecordOf(booking.ParticipantId) is not null,
        _ => false,
    };

    /// <summary>The booking of the participant that held a place at the träff, if any (a participant rebooked after a cancellation has two).</summary>
    public static Booking? BookingAt(this Group group, Traff traff, string participantId) =>
        group.Bookings.FirstOrDefault(b => b.ParticipantId == participantId && group.IsBookedAt(b, traff));

    public static AttendanceRecord? RecordOf(this Traff traff, string participantId) =>
        traff.Attendance.FirstOrDefault(a => a.ParticipantId == participantId);

    public static ParticipantTally Tally(this Group group, Booking booking)
    {
        int held = 0, present = 0, excused = 0, unexcused = 0;
        var hours = 0.0;
        foreach (var traff in group.HeldTraffar().Where(t => group.CountsAt(booking, t)))
        {
            held++;
            switch (traff.RecordOf(booking.ParticipantId)?.Status)
            {
                case AttendanceStatus.Present:
                    present++;
                    hours += traff.RecordOf(booking.ParticipantId)!.Hours;
                    break;
                case AttendanceStatus.ExcusedAbsence:
                    excused++;
                    break;
                case AttendanceStatus.UnexcusedAbsence:
                    unexcused++;
                    break;
            }
        }

        return new ParticipantTally(booking, held, present, excused, unexcused, hours);
    }

    /// <summary>
    /// A held träff's figures: expected = the bookings that held a place at it (whether or not anyone recorded them),
    /// present = those of them recorded present, so a rate never exceeds 100 %.
    /// </summary>
    public static TraffTally Tally(this Group group, Traff traff)
    {
        var expected = group.Bookings.Where(b => group.CountsAt(b, traff)).Select(b => b.ParticipantId).ToHashSet(StringComparer.Ordinal);
        var present = traff.Attendance.Count(a => a.Status == AttendanceStatus.Present && expected.Contains(a.ParticipantId));
        return new TraffTally(traff, expected.Count, present);
    }

    /// <summary>The träffar not cancelled that still have no attendance: a group can't complete while there are any.</summary>
    public static IReadOnlyList<Traff> TraffarWithoutAttendance(this Group group) =>
        group.Traffar.Where(t => t.Status is not (TraffStatus.Held or TraffStatus.Cancelled)).OrderBy(t => t.Number).ToList();

    /// <summary>
    /// Every held träff where a booking that counts at it has no record, in date order. A cancelled booking counts
    /// only where it is recorded, so only current bookings can be missing.
    /// </summary>
    public static IReadOnlyList<MissingAttendance> MissingAttendance(this Group group) =>
        group.HeldTraffar()
            .Select(t => new MissingAttendance(t, group.Bookings.Where(b => group.CountsAt(b, t) && t.RecordOf(b.ParticipantId) is null).ToList()))
            .Where(m => m.Bookings.Count > 0)
            .ToList();

    /// <summary>A share in percent, unrounded (rounding is for whoever shows it); 0 of 0 is 0.</summary>
    public static double Percent(int part, int whole) => whole == 0 ? 0 : part * 100.0 / whole;
}
