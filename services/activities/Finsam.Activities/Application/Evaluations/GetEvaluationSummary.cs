using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Evaluations;
using Finsam.Platform.Security;

namespace Finsam.Activities.Application.Evaluations;

/// <summary>A group's evaluations per statement (n, mean, distribution), for those who may read the group.</summary>
public sealed class GetEvaluationSummaryHandler(GroupUpdates groups, IEvaluationRepository evaluations)
{
    public async Task<EvaluationSummary> HandleAsync(Caller caller, string? groupId, CancellationToken cancellationToken)
    {
        var group = await groups.GetAsync(groupId, cancellationToken);
        ActivitiesAccess.RequireGroupReader(caller, group);

        return EvaluationSummary.Of(group.Id, group.EvaluationStatements, await evaluations.ListByGroupAsync(group.Id, cancellationToken));
    }
}
