using Finsam.Activities.Application.Access;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Validation;

namespace Finsam.Activities.Application.Groups;

public sealed record CancelGroupCommand(string? GroupId, string? Etag, string? Reason);

/// <summary>
/// Cancels (ställer in) a group that has not ended. Its planned träffar are cancelled with it, each keeping a
/// change entry, and stay in the group and its calendar as cancelled; held träffar stay held. Bookings are kept
/// as they were: they are the record of who was in the group.
/// </summary>
public sealed class CancelGroupHandler(GroupUpdates updates, TimeProvider clock)
{
    public async Task<Group> HandleAsync(Caller caller, CancelGroupCommand command, CancellationToken cancellationToken)
    {
        var group = await updates.GetAsync(command.GroupId, cancellationToken);
        ActivitiesAccess.RequireGroupManager(caller, group.InsatsId);

        var violations = new List<FieldViolation>();
        var version = Etags.Parse(command.Etag, violations);
        var reason = FreeText.Validate(command.Reason, "reason", "Skälet att ställa in gruppen", GroupFields.MaxReasonLength, required: true, multiline: false, violations);
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        return await updates.ChangeAsync(
            group,
            version!.Value,
            g =>
            {
                GroupRefusals.EnsureNotEnded(g);
                var now = clock.GetUtcNow().UtcDateTime;
                var events = new List<IIntegrationEvent> { new GroupCancelled(g.Id, g.InsatsId, now) };
                foreach (var traff in g.Traffar.Where(t => t.Status == TraffStatus.Planned && t.Attendance.Count == 0))
                {
                    traff.Changes.Add(new TraffChange(TraffChange.Cancelled, traff.Date, traff.StartTime, caller.Subject, now, reason!));
                    traff.Status = TraffStatus.Cancelled;
                    events.Add(new TraffCancelled(g.Id, g.InsatsId, traff.Id, traff.Date, now));
                }

                g.Status = GroupStatus.Cancelled;
                g.Cancellation = new GroupCancellation(caller.Subject, now, reason!);
                return events;
            },
            cancellationToken);
    }
}
