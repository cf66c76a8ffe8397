using Finsam.Activities.Domain.Groups;

namespace Finsam.Activities.Application.Bookings;

/// <summary>A booking with the group it is in, which its place on the waiting list depends on.</summary>
public sealed record BookingView(Group Group, Booking Booking)
{
    public int WaitlistPosition => Group.WaitlistPosition(Booking);
}
