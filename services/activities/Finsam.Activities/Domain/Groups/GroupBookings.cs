using Finsam.Platform.Time;

namespace Finsam.Activities.Domain.Groups;

/// <summary>
/// The booking rules of a group: who gets a place, who waits, when late joiners are still let in, and who is
/// promoted when a place frees. Each method changes only the group in memory; the caller saves it (and the events
/// it derives) in one version-checked write, so two bookings can never both take the last place.
/// </summary>
public static class GroupBookings
{
    public static int BookedCount(this Group group) => group.Bookings.Count(b => b.Status == BookingStatus.Booked);

    /// <summary>The booked in the order they got their place (booked, or promoted from the waiting list).</summary>
    public static IEnumerable<Booking> BookedInOrder(this Group group) =>
        group.Booked.OrderBy(b => b.PromotedAt ?? b.BookedAt).ThenBy(b => b.Id, StringComparer.Ordinal);

    public static bool HasFreePlace(this Group group) => group.BookedCount() < group.MaxParticipants;

    /// <summary>
    /// How many people have ever held a place in the group: booked now, or cancelled after being recorded at a träff
    /// (they were there). Each person once, however often rebooked. The wait-listed and those who left before taking
    /// part never were in the group.
    /// </summary>
    public static int ParticipantsEverPlaced(this Group group) =>
        group.Bookings
            .Where(b => b.Status == BookingStatus.Booked
                || (b.Status == BookingStatus.Cancelled && group.Traffar.Any(t => group.CountsAt(b, t))))
            .Select(b => b.ParticipantId)
            .Distinct(StringComparer.Ordinal)
            .Count();

    /// <summary>The participant's booking that is still active (booked or wait-listed), if any.</summary>
    public static Booking? ActiveBookingOf(this Group group, string participantId) =>
        group.Bookings.FirstOrDefault(b => b.ParticipantId == participantId && b.Status != BookingStatus.Cancelled);

    public static Booking? FindBooking(this Group group, string bookingId) => group.Bookings.FirstOrDefault(b => b.Id == bookingId);

    /// <summary>1-based place on the waiting list while wait-listed; 0 otherwise.</summary>
    public static int WaitlistPosition(this Group group, Booking booking) =>
        booking.Status == BookingStatus.Waitlisted
            ? group.Waitlist.TakeWhile(b => b.Id != booking.Id).Count() + 1
            : 0;

    /// <summary>
    /// The träff a booking made today counts from: the first träff in date order that is neither cancelled nor held
    /// and is dated today or later (Stockholm). A träff whose day has passed has taken place without the newcomer,
    /// whether or not its attendance has been recorded yet. A group registered afterwards has no such träff (every
    /// date has passed): there it is the first träff neither cancelled nor held. Null when every träff is.
    /// </summary>
    public static Traff? JoiningTraff(this Group group, DateOnly today)
    {
        var open = group.Traffar.Where(t => t.Status is not (TraffStatus.Cancelled or TraffStatus.Held)).OrderBy(t => t.Number).ToList();
        return open.FirstOrDefault(t => t.Date >= today) ?? open.FirstOrDefault();
    }

    /// <summary>
    /// The last träff a late joiner may join at: <see cref="Group.LateJoinUntilTraffId"/>, or without one ("only
    /// before the first träff") the group's first träff not cancelled. Null only when there is no such träff.
    /// </summary>
    public static Traff? LateJoinCutOff(this Group group) =>
        group.LateJoinUntilTraffId.Length > 0
            ? group.FindTraff(group.LateJoinUntilTraffId)
            : group.Traffar.Where(t => t.Status != TraffStatus.Cancelled).MinBy(t => t.Number);

    /// <summary>
    /// Whether late joiners are no longer let in today: there is no träff to join at, the joining träff comes after
    /// the cut-off in date order, or the cut-off or a träff after it has been held. Träffar are compared by their
    /// current positions (<see cref="Group.Renumber"/>), never by a stored number, so an added or moved träff
    /// doesn't shift the cut-off. A cancelled cut-off keeps its place: the träffar after it are still too late.
    /// </summary>
    public static bool IsLateJoinClosed(this Group group, DateOnly today)
    {
        if (group.LateJoinCutOff() is not { } cutOff
            || group.Traffar.Any(t => t.Status == TraffStatus.Held && t.Number >= cutOff.Number))
        {
            return true;
        }

        return group.JoiningTraff(today) is not { } joining || joining.Number > cutOff.Number;
    }

    /// <summary>Gives the booking its place from today's joining träff, anchored to the träff's id; the number is for display.</summary>
    private static void JoinAt(this Group group, Booking booking, DateOnly today)
    {
        // The callers check IsLateJoinClosed first; a place without a träff to count from would count nowhere.
        var joining = group.JoiningTraff(today)
            ?? throw new InvalidOperationException("The group has no träff left to join at: late joining is closed.");
        booking.JoinedAtTraffId = joining.Id;
        booking.JoinedAtTraff = joining.Number;
    }

    /// <summary>
    /// Adds a booking for the participant: booked while there is a place and nobody waits, wait-listed at the end of
    /// the line otherwise. The rules about who may be booked at all (ended group, late join, already booked) are the
    /// caller's to check first.
    /// </summary>
    public static Booking Book(this Group group, string bookingId, string participantId, string requestId, string bookedBy, DateTime now)
    {
        var booking = new Booking
        {
            Id = bookingId,
            ParticipantId = participantId,
            RequestId = requestId,
            BookedBy = bookedBy,
            BookedAt = now,
        };

        // Nobody is booked past someone waiting: promotion keeps the list empty while places are free, and this keeps
        // the order if that ever did not hold.
        if (group.HasFreePlace() && !group.Waitlist.Any())
        {
            booking.Status = BookingStatus.Booked;
            group.JoinAt(booking, SwedishCalendar.DayOf(now));
        }
        else
        {
            booking.Status = BookingStatus.Waitlisted;
            // Monotonic over every booking ever made, so a cancellation never lets a later booking overtake an earlier one.
            booking.WaitlistSequence = group.Bookings.Select(b => b.WaitlistSequence).DefaultIfEmpty(0).Max() + 1;
        }

        group.Bookings.Add(booking);
        return booking;
    }

    /// <summary>
    /// Cancels the booking and, when it held a place, promotes the first in line into it. Returns the promoted
    /// booking, or null. Nobody is promoted once late joins have closed: they would join later than the format allows.
    /// </summary>
    public static Booking? Cancel(this Group group, Booking booking, string reason, string cancelledBy, DateTime now)
    {
        var heldPlace = booking.Status == BookingStatus.Booked;
        booking.CancelledFromWaitlist = booking.Status == BookingStatus.Waitlisted;
        booking.Status = BookingStatus.Cancelled;
        booking.CancelReason = reason;
        booking.CancelledAt = now;
        booking.CancelledBy = cancelledBy;

        var today = SwedishCalendar.DayOf(now);
        if (!heldPlace || !group.HasFreePlace() || group.IsLateJoinClosed(today) || group.Waitlist.FirstOrDefault() is not { } first)
        {
            return null;
        }

        first.Status = BookingStatus.Booked;
        first.PromotedAt = now;
        group.JoinAt(first, today);
        return first;
    }
}
