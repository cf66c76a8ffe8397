using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Application.Validation;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.Activities.Application.Bookings;

public sealed record CancelBookingCommand(string? GroupId, string? BookingId, string? Reason);

/// <summary>
/// Cancels a booking or a place on the waiting list. A cancelled place goes to the first in line in the same write,
/// so there is never a moment when a place is free while someone waits.
/// </summary>
public sealed class CancelBookingHandler(GroupUpdates updates, TimeProvider clock)
{
    public const string ReasonBookingNotFound = "BOOKING_NOT_FOUND";
    public const string ReasonAlreadyCancelled = "BOOKING_ALREADY_CANCELLED";

    public async Task<BookingView> HandleAsync(Caller caller, CancelBookingCommand command, CancellationToken cancellationToken)
    {
        var (group, booking) = await updates.ChangeLatestAsync(command.GroupId, group => Cancel(caller, command, group), cancellationToken);
        return new BookingView(group, booking);
    }

    private (Booking, IReadOnlyList<IIntegrationEvent>) Cancel(Caller caller, CancelBookingCommand command, Group group)
    {
        ActivitiesAccess.RequireBooker(caller, group);

        var violations = new List<FieldViolation>();
        var bookingId = InputIds.Id(command.BookingId, "booking_id", "Boknings-id", violations);
        var reason = command.Reason?.Trim() ?? "";
        if (!BookingCancelReasons.All.Contains(reason))
        {
            violations.Add(new FieldViolation(
                "reason",
                $"{(reason.Length == 0 ? "Orsak saknas" : "Okänd orsak")}: välj bland {string.Join(", ", BookingCancelReasons.All)}."));
        }

        ValidationFailedException.ThrowIfAny(violations);

        var booking = group.FindBooking(bookingId!) ?? throw new NotFoundException(ReasonBookingNotFound, "Bokningen finns inte i gruppen.");
        // A completed group's outcomes are settled and published; a cancelled one has nothing left to book.
        GroupRefusals.EnsureNotEnded(group);

        if (booking.Status == BookingStatus.Cancelled)
        {
            throw new PreconditionFailedException(ReasonAlreadyCancelled, "Bokningen är redan avbokad.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var wasWaitlisted = booking.Status == BookingStatus.Waitlisted;
        var promoted = group.Cancel(booking, reason, caller.Subject, now);
        var events = new List<IIntegrationEvent>
        {
            new BookingCancelled(booking.Id, group.Id, group.InsatsId, booking.ParticipantId, reason, wasWaitlisted, now),
        };
        if (promoted is not null)
        {
            events.Add(new BookingPromoted(promoted.Id, group.Id, group.InsatsId, promoted.ParticipantId, promoted.JoinedAtTraff, now));
        }

        return (booking, events);
    }
}
