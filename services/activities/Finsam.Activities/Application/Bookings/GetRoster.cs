using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Security;

namespace Finsam.Activities.Application.Bookings;

/// <summary>The leaders' roster: the booked with their attendance so far, in the order they got their place, then the waiting list in order.</summary>
public sealed record RosterView(Group Group, IReadOnlyList<ParticipantTally> Booked, IReadOnlyList<Booking> Waitlist, int TraffarHeld);

public sealed class GetRosterHandler(GroupUpdates updates)
{
    public async Task<RosterView> HandleAsync(Caller caller, string? groupId, CancellationToken cancellationToken)
    {
        var group = await updates.GetAsync(groupId, cancellationToken);
        ActivitiesAccess.RequireRosterReader(caller, group);
        return new RosterView(
            group,
            group.BookedInOrder().Select(group.Tally).ToList(),
            group.Waitlist.ToList(),
            group.HeldTraffar().Count());
    }
}
