using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Insatser;

/// <summary>The insats catalogue as reporting knows it: the latest definition or change of each insats wins.</summary>
public sealed class InsatsBook : ReadModelBook<InsatsFacts>
{
    public override string Kind => "insatser";

    public override void Apply(IIntegrationEvent integrationEvent, ISet<string> changed)
    {
        switch (integrationEvent)
        {
            case InsatsDefined e:
                Keep(new InsatsFacts(e.InsatsId, e.Name, e.Kind, e.BudgetedPlaces, e.FollowUpPlaces, e.PlanDeadlineDays,
                    e.WorkOrStudiesTargetPercent, e.EnrolmentTarget, e.GenderBalanceMinPercent, e.StartDate, e.EndDate,
                    VersionOf(e.OccurredAt, false, e.Name, e.Kind, e.BudgetedPlaces, e.FollowUpPlaces, e.PlanDeadlineDays,
                        e.WorkOrStudiesTargetPercent, e.EnrolmentTarget, e.GenderBalanceMinPercent, e.StartDate, e.EndDate)), changed);
                break;
            case InsatsChanged e:
                Keep(new InsatsFacts(e.InsatsId, e.Name, e.Kind, e.BudgetedPlaces, e.FollowUpPlaces, e.PlanDeadlineDays,
                    e.WorkOrStudiesTargetPercent, e.EnrolmentTarget, e.GenderBalanceMinPercent, e.StartDate, e.EndDate,
                    VersionOf(e.OccurredAt, true, e.Name, e.Kind, e.BudgetedPlaces, e.FollowUpPlaces, e.PlanDeadlineDays,
                        e.WorkOrStudiesTargetPercent, e.EnrolmentTarget, e.GenderBalanceMinPercent, e.StartDate, e.EndDate)), changed);
                break;
        }
    }

    private void Keep(InsatsFacts candidate, ISet<string> changed) =>
        Update(candidate.InsatsId, current => FactVersion.Supersedes(candidate.Version, current?.Version) ? candidate : current, changed);

    private static FactVersion VersionOf(DateTime occurredAt, bool isChange, params object?[] facts) =>
        new(occurredAt, isChange, FactVersion.KeyOf(facts));
}
