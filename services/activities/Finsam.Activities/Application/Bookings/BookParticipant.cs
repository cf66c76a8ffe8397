using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Application.Validation;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Ids;
using Finsam.Platform.Security;
using Finsam.Platform.Time;

namespace Finsam.Activities.Application.Bookings;

public sealed record BookParticipantCommand(string? GroupId, string? RequestId, string? ParticipantId);

/// <summary>
/// Books a participant into a group, or onto its waiting list when it is full. The whole decision is made inside
/// <see cref="GroupUpdates.ChangeLatestAsync{T}"/>: when another booking saved first, the group is read again and
/// every rule re-checked, so of concurrent bookings on the last place exactly one gets it and the rest wait, in
/// the order they were saved.
/// </summary>
public sealed class BookParticipantHandler(GroupUpdates updates, TimeProvider clock)
{
    public const string ReasonAlreadyBooked = "PARTICIPANT_ALREADY_BOOKED";

    public async Task<BookingView> HandleAsync(Caller caller, BookParticipantCommand command, CancellationToken cancellationToken)
    {
        try
        {
            var (group, booking) = await updates.ChangeLatestAsync(command.GroupId, group => Book(caller, command, group), cancellationToken);
            return new BookingView(group, booking);
        }
        catch (RequestRepeatedException repeated)
        {
            return repeated.First;
        }
    }

    private (Booking, IReadOnlyList<IIntegrationEvent>) Book(Caller caller, BookParticipantCommand command, Group group)
    {
        ActivitiesAccess.RequireBooker(caller, group);

        var violations = new List<FieldViolation>();
        var requestId = RequestIds.Parse(command.RequestId, violations);
        var participantId = InputIds.ParticipantId(command.ParticipantId, "participant_id", violations);

        // A retry answers with what the first request made, even if the group has filled or ended since.
        if (violations.Count == 0 && requestId is not null && group.Bookings.FirstOrDefault(b => b.RequestId == requestId) is { } first)
        {
            throw new RequestRepeatedException(new BookingView(group, first));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = SwedishCalendar.DayOf(now);
        if (group.IsEnded)
        {
            violations.Add(new FieldViolation(
                "group_id",
                group.Status == GroupStatus.Completed ? "Gruppen är avslutad: ingen kan bokas in." : "Gruppen är inställd: ingen kan bokas in."));
        }
        else if (group.IsLateJoinClosed(today))
        {
            violations.Add(new FieldViolation("group_id", LateJoinClosed(group, today)));
        }

        ValidationFailedException.ThrowIfAny(violations);

        if (group.ActiveBookingOf(participantId!) is { } active)
        {
            throw new AlreadyExistsException(
                ReasonAlreadyBooked,
                active.Status == BookingStatus.Booked ? "Deltagaren är redan bokad i gruppen." : "Deltagaren står redan på gruppens väntelista.");
        }

        var booking = group.Book(SequentialIds.Next(), participantId!, requestId ?? "", caller.Subject, now);
        IIntegrationEvent made = booking.Status == BookingStatus.Booked
            ? new BookingMade(booking.Id, group.Id, group.InsatsId, booking.ParticipantId, booking.JoinedAtTraff, now)
            : new BookingWaitlisted(booking.Id, group.Id, group.InsatsId, booking.ParticipantId, group.WaitlistPosition(booking), now);
        return (booking, [made]);
    }

    /// <summary>Why late joiners are no longer let in, naming the cut-off träff by its current number and day.</summary>
    private static string LateJoinClosed(Group group, DateOnly today)
    {
        if (group.JoiningTraff(today) is null)
        {
            return "Gruppen har ingen träff kvar att börja på: alla är genomförda eller inställda.";
        }

        var first = group.Traffar.Where(t => t.Status != TraffStatus.Cancelled).MinBy(t => t.Number);
        return group.LateJoinCutOff() is { } cutOff && first is not null && cutOff.Number > first.Number
            ? $"Sena deltagare tas bara emot fram till och med träff {cutOff.Number} ({IsoDates.ToIso(cutOff.Date)}), och den är redan passerad."
            : "Gruppen har redan haft sin första träff: sena deltagare tas inte emot.";
    }

    /// <summary>Leaves the change without writing: the request was made before and this is its answer.</summary>
    private sealed class RequestRepeatedException(BookingView first) : Exception("The request id was used before.")
    {
        public BookingView First { get; } = first;
    }
}
