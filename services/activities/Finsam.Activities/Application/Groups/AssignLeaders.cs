using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Leaders;
using Finsam.Activities.Domain.Groups;
using Finsam.Activities.Domain.Leaders;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.Activities.Application.Groups;

public sealed record AssignLeadersCommand(string? GroupId, string? Etag, IReadOnlyList<string> LeaderSubjects);

/// <summary>
/// Replaces a group's leaders with 1–4 registered leaders. When the format requires a qualification (ReDO: a
/// certified occupational therapist), every leader must hold it: one who doesn't is refused by name. Whether
/// the leaders come from the agencies the format requires is checked when the group starts, since leaders can
/// be assigned one at a time.
/// </summary>
public sealed class AssignLeadersHandler(GroupUpdates updates, ILeaderRegistry registry)
{
    public const int MaxLeaders = 4;
    public const int MaxSubjectLength = 200;

    public async Task<Group> HandleAsync(Caller caller, AssignLeadersCommand command, CancellationToken cancellationToken)
    {
        var group = await updates.GetAsync(command.GroupId, cancellationToken);
        ActivitiesAccess.RequireGroupManager(caller, group.InsatsId);

        var violations = new List<FieldViolation>();
        var version = Etags.Parse(command.Etag, violations);
        var leaders = await FindLeadersAsync(command.LeaderSubjects, violations, cancellationToken);
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
                EnsureQualified(g, leaders);
                g.LeaderSubjects = leaders.Select(l => l.Subject).ToList();
                return [];
            },
            cancellationToken);
    }

    private async Task<List<Leader>> FindLeadersAsync(IReadOnlyList<string> subjects, List<FieldViolation> violations, CancellationToken cancellationToken)
    {
        if (subjects.Count is 0 or > MaxLeaders)
        {
            violations.Add(new FieldViolation("leader_subjects", $"Ange 1–{MaxLeaders} ledare."));
            return [];
        }

        var leaders = new List<Leader>();
        for (var i = 0; i < subjects.Count; i++)
        {
            var field = $"leader_subjects[{i}]";
            var subject = subjects[i]?.Trim() ?? "";
            if (subject.Length is 0 or > MaxSubjectLength)
            {
                violations.Add(new FieldViolation(field, "Ledarens id saknas eller är för långt."));
            }
            else if (subjects.Take(i).Any(s => s?.Trim() == subject))
            {
                violations.Add(new FieldViolation(field, $"{subject} står redan med bland ledarna."));
            }
            else if (await registry.GetAsync(subject, cancellationToken) is { } leader)
            {
                leaders.Add(leader);
            }
            else
            {
                violations.Add(new FieldViolation(field, $"{subject} är inte registrerad som gruppledare."));
            }
        }

        return leaders;
    }

    private static void EnsureQualified(Group group, IReadOnlyList<Leader> leaders)
    {
        if (group.RequiredLeaderQualification.Length == 0)
        {
            return;
        }

        var unqualified = leaders.Where(l => !l.Holds(group.RequiredLeaderQualification)).ToList();
        if (unqualified.Count > 0)
        {
            throw new PreconditionFailedException(
                GroupRefusals.ReasonLeaderNotQualified,
                $"{string.Join(", ", unqualified.Select(l => $"{l.DisplayName} ({l.Subject})"))} saknar behörigheten "
                + $"\"{group.RequiredLeaderQualification}\" som {group.FormatName} kräver av sina ledare.");
        }
    }
}
