using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Formats;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Ids;
using Finsam.Platform.Security;
using Finsam.Platform.Validation;

namespace Finsam.Activities.Application.Groups;

public sealed record AddTraffCommand(string? GroupId, string? Etag, DateOnly? Date, string? StartTime, int LengthMinutes, string? Theme, string? Reason);

/// <param name="StartTime">"HH:mm"; empty keeps the träff's time.</param>
public sealed record MoveTraffCommand(string? GroupId, string? TraffId, string? Etag, DateOnly? Date, string? StartTime, string? Reason);

public sealed record CancelTraffCommand(string? GroupId, string? TraffId, string? Etag, string? Reason);

/// <summary>
/// Changing a group's träffar after they were generated: adding one, moving one, cancelling one. The group's
/// leaders plan their own week; administratör and the insats' insatsansvarig may do it too
/// (<see cref="ActivitiesAccess.RequireTraffPlanner"/>). A träff goes only on a meeting day (a weekday that is
/// no holiday or closed date). A held träff (attendance recorded) and a cancelled one are not changed. Every
/// change is kept on the träff with the earlier day and time, who, when and why; numbers follow the new order.
/// </summary>
public sealed class TraffChangeHandlers(GroupUpdates updates, TimeProvider clock)
{
    public async Task<Group> AddAsync(Caller caller, AddTraffCommand command, CancellationToken cancellationToken)
    {
        var group = await updates.GetAsync(command.GroupId, cancellationToken);
        ActivitiesAccess.RequireTraffPlanner(caller, group);

        var violations = new List<FieldViolation>();
        var version = Etags.Parse(command.Etag, violations);
        GroupFields.MeetingDay(command.Date, "date", group, violations);
        var startTime = TraffTimes.Time(command.StartTime, "start_time", required: true, violations);
        TraffTimes.Length(startTime, command.LengthMinutes, "length_minutes", violations);

        var theme = FreeText.Validate(command.Theme, "theme", "Temat", GroupFields.MaxThemeLength, required: false, multiline: false, violations);
        var reason = Reason(command.Reason, violations);
        ValidationFailedException.ThrowIfAny(violations);

        return await updates.ChangeAsync(
            group,
            version!.Value,
            g =>
            {
                GroupRefusals.EnsureNotEnded(g);
                var now = clock.GetUtcNow().UtcDateTime;
                var traff = new Traff
                {
                    Id = SequentialIds.Next(),
                    Date = command.Date!.Value,
                    StartTime = startTime!.Value,
                    LengthMinutes = command.LengthMinutes,
                    Theme = theme!,
                    Changes = [new TraffChange(TraffChange.Added, null, null, caller.Subject, now, reason!)],
                };
                g.Traffar.Add(traff);
                g.Renumber();
                return [new TraffAdded(g.Id, g.InsatsId, TraffEvents.Scheduled(traff), now)];
            },
            cancellationToken);
    }

    public async Task<Group> MoveAsync(Caller caller, MoveTraffCommand command, CancellationToken cancellationToken)
    {
        var group = await updates.GetAsync(command.GroupId, cancellationToken);
        ActivitiesAccess.RequireTraffPlanner(caller, group);

        var violations = new List<FieldViolation>();
        var version = Etags.Parse(command.Etag, violations);
        var traff = FindTraff(group, command.TraffId, violations);
        GroupFields.MeetingDay(command.Date, "date", group, violations);
        var startTime = TraffTimes.Time(command.StartTime, "start_time", required: false, violations);
        if (traff is not null && startTime is not null)
        {
            TraffTimes.Length(startTime, traff.LengthMinutes, "start_time", violations);
        }

        var reason = Reason(command.Reason, violations);
        if (traff is not null && command.Date == traff.Date && (startTime ?? traff.StartTime) == traff.StartTime && violations.Count == 0)
        {
            violations.Add(new FieldViolation("date", "Träffen ligger redan den dagen och tiden."));
        }

        ValidationFailedException.ThrowIfAny(violations);

        return await updates.ChangeAsync(
            group,
            version!.Value,
            g =>
            {
                GroupRefusals.EnsureNotEnded(g);
                GroupRefusals.EnsureChangeable(traff!);
                var now = clock.GetUtcNow().UtcDateTime;
                traff!.Changes.Add(new TraffChange(TraffChange.Moved, traff.Date, traff.StartTime, caller.Subject, now, reason!));
                traff.Date = command.Date!.Value;
                traff.StartTime = startTime ?? traff.StartTime;
                g.Renumber();
                return [new TraffMoved(g.Id, g.InsatsId, traff.Id, traff.Date, TraffTimes.Format(traff.StartTime), now)];
            },
            cancellationToken);
    }

    public async Task<Group> CancelAsync(Caller caller, CancelTraffCommand command, CancellationToken cancellationToken)
    {
        var group = await updates.GetAsync(command.GroupId, cancellationToken);
        ActivitiesAccess.RequireTraffPlanner(caller, group);

        var violations = new List<FieldViolation>();
        var version = Etags.Parse(command.Etag, violations);
        var traff = FindTraff(group, command.TraffId, violations);
        var reason = Reason(command.Reason, violations);
        ValidationFailedException.ThrowIfAny(violations);

        return await updates.ChangeAsync(
            group,
            version!.Value,
            g =>
            {
                GroupRefusals.EnsureNotEnded(g);
                GroupRefusals.EnsureChangeable(traff!);
                var now = clock.GetUtcNow().UtcDateTime;
                traff!.Changes.Add(new TraffChange(TraffChange.Cancelled, traff.Date, traff.StartTime, caller.Subject, now, reason!));
                traff.Status = TraffStatus.Cancelled;
                return [new TraffCancelled(g.Id, g.InsatsId, traff.Id, traff.Date, now)];
            },
            cancellationToken);
    }

    private static Traff? FindTraff(Group group, string? traffId, List<FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(traffId))
        {
            violations.Add(new FieldViolation("traff_id", "Träff-id saknas."));
            return null;
        }

        var traff = group.FindTraff(traffId.Trim());
        if (traff is null)
        {
            violations.Add(new FieldViolation("traff_id", "Träffen finns inte i gruppen."));
        }

        return traff;
    }

    private static string? Reason(string? reason, List<FieldViolation> violations) =>
        FreeText.Validate(reason, "reason", "Skälet till ändringen", GroupFields.MaxReasonLength, required: true, multiline: false, violations);
}
