using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Leaders;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Validation;

namespace Finsam.Activities.Application.Groups;

public sealed record StartGroupCommand(string? GroupId, string? Etag, bool OverrideMinParticipants, string? OverrideReason);

/// <summary>
/// Confirms that a scheduled group runs. It needs at least one leader, a leader from each agency the format
/// requires (Mitt Val: FK and AF), and the format's minimum of booked participants — or an explicit override
/// with a reason, kept on the group, so that starting small is a decision and not a slip.
/// </summary>
public sealed class StartGroupHandler(GroupUpdates updates, ILeaderRegistry registry, TimeProvider clock)
{
    public async Task<Group> HandleAsync(Caller caller, StartGroupCommand command, CancellationToken cancellationToken)
    {
        var group = await updates.GetAsync(command.GroupId, cancellationToken);
        ActivitiesAccess.RequireGroupManager(caller, group.InsatsId);

        var violations = new List<FieldViolation>();
        var version = Etags.Parse(command.Etag, violations);
        var reason = FreeText.Validate(
            command.OverrideReason, "override_reason", "Skälet att starta under minimiantalet", GroupFields.MaxReasonLength, required: false, multiline: false, violations);
        var booked = group.Booked.Count();
        var belowMinimum = booked < group.MinParticipants;
        if (belowMinimum && !command.OverrideMinParticipants)
        {
            violations.Add(new FieldViolation(
                "override_min_participants",
                $"Gruppen har {booked} bokade men {group.FormatName} kräver minst {group.MinParticipants}. "
                + "Boka fler, eller starta ändå med override_min_participants och ett skäl."));
        }
        else if (belowMinimum && reason == "")
        {
            violations.Add(new FieldViolation("override_reason", "Skälet att starta under minimiantalet saknas."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        var leaderAgencies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subject in group.LeaderSubjects)
        {
            if (await registry.GetAsync(subject, cancellationToken) is { } leader)
            {
                leaderAgencies.Add(leader.Agency);
            }
        }

        return await updates.ChangeAsync(
            group,
            version!.Value,
            g =>
            {
                if (g.Status != GroupStatus.Scheduled)
                {
                    GroupRefusals.EnsureNotEnded(g);
                    throw new PreconditionFailedException(GroupRefusals.ReasonGroupNotScheduled, "Gruppen är redan startad.");
                }

                if (g.LeaderSubjects.Count == 0)
                {
                    throw new PreconditionFailedException(GroupRefusals.ReasonNoLeaders, "Gruppen har ingen ledare: tilldela ledare först.");
                }

                var missing = g.RequiredLeaderAgencies.Where(a => !leaderAgencies.Contains(a)).ToList();
                if (missing.Count > 0)
                {
                    throw new PreconditionFailedException(
                        GroupRefusals.ReasonLeaderAgenciesMissing,
                        $"{g.FormatName} leds av ledare från {string.Join(" och ", g.RequiredLeaderAgencies)}; ledare saknas från {string.Join(" och ", missing)}.");
                }

                var now = clock.GetUtcNow().UtcDateTime;
                g.Status = GroupStatus.Started;
                g.StartedAt = now;
                g.StartedBy = caller.Subject;
                g.StartOverrideReason = belowMinimum ? reason : null;
                return [new GroupStarted(g.Id, g.InsatsId, booked, belowMinimum, now)];
            },
            cancellationToken);
    }
}
