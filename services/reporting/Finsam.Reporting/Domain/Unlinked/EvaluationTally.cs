using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Reporting.Domain.ReadModels;

namespace Finsam.Reporting.Domain.Unlinked;

/// <summary>
/// One course evaluation form as the event carries it: the group, its insats, the month, and a rating 1–6 per
/// statement (0 = not answered), the statements in the group's order. No participant, no submitter.
/// </summary>
/// <param name="Month">"yyyy-MM".</param>
public sealed record EvaluationForm(
    string EvaluationId,
    string GroupId,
    string InsatsId,
    string Month,
    IReadOnlyList<string> Statements,
    IReadOnlyList<int> Ratings)
{
    public const int NotAnswered = 0;
    public const int LowestRating = 1;
    public const int HighestRating = 6;
}

/// <summary>Evaluation forms by evaluation id: a redelivered form finds its id taken and changes nothing.</summary>
public sealed class EvaluationTally : ReadModelBook<EvaluationForm>
{
    public override string Kind => "evaluations";

    public override void Apply(IIntegrationEvent integrationEvent, ISet<string> changed)
    {
        if (integrationEvent is not EvaluationSubmitted e)
        {
            return;
        }

        // The statements are the same sentences on every form of a format: one instance each.
        Update(e.EvaluationId, current => current ?? new EvaluationForm(
            e.EvaluationId, Interned.Of(e.GroupId), Interned.Of(e.InsatsId), Interned.Of(e.Month),
            [.. e.Statements.Select(Interned.Of)], [.. e.Ratings]), changed);
    }
}
