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
    /// Whether late joiners are no longer let in: the late-join träff (<see cref="Group.LateJoinUntilTraffId"/>), or
    /// a träff after it, has been held, i.e. has attendance recorded — not its calendar date, so a group can be
    /// registered after the fact. Without a late-join träff: only before the first träff. The träffar are compared
    /// by their current positions, so a träff added before the cut-off doesn't move it.
    /// </summary>
    public static bool IsLateJoinClosed(this Group group)
    {
        var until = group.FindTraff(group.LateJoinUntilTraffId)?.Number ?? 1;
        return group.Traffar.Any(t => t.Status == TraffStatus.Held && t.Number >= until);
    }

    /// <summary>
    /// The träff a booking made now counts from: the first träff not cancelled after the last one held (the first
    /// when none has been held); null when there is none left. "After the last held" rather than "the first not
    /// held" so that a träff whose attendance is recorded late doesn't count against someone who joined after a
    /// later träff had already taken place.
    /// </summary>
    public static Traff? JoiningTraff(this Group group)
    {
        var lastHeld = group.Traffar.Where(t => t.Status == TraffStatus.Held).Select(t => t.Number).DefaultIfEmpty(0).Max();
        return group.Traffar
            .Where(t => t.Number > lastHeld && t.Status != TraffStatus.Cancelled)
            .MinBy(t => t.Number);
    }

    /// <summary>Gives the booking its place from the joining träff, anchored to the träff's id; the number is for display.</summary>
    private static void JoinAt(this Group group, Booking booking)
    {
        var joining = group.JoiningTraff();
        booking.JoinedAtTraffId = joining?.Id ?? "";
        booking.JoinedAtTraff = joining?.Number ?? 0;
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
            group.JoinAt(booking);
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
    public static Booking? Cancel(this Group group, Booking booking, string reason, string? note, string cancelledBy, DateTime now)
    {
        var heldPlace = booking.Status == BookingStatus.Booked;
        booking.CancelledFromWaitlist = booking.Status == BookingStatus.Waitlisted;
        booking.Status = BookingStatus.Cancelled;
        booking.CancelReason = reason;
        booking.CancelNote = note;
        booking.CancelledAt = now;
        booking.CancelledBy = cancelledBy;

        if (!heldPlace || !group.HasFreePlace() || group.IsLateJoinClosed() || group.Waitlist.FirstOrDefault() is not { } first)
        {
            return null;
        }

        first.Status = BookingStatus.Booked;
        first.PromotedAt = now;
        group.JoinAt(first);
        return first;
    }
}
