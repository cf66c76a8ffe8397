using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Insatser;

/// <summary>The catalogue facts of one insats as they now stand (from InsatsDefined or the latest InsatsChanged).</summary>
/// <param name="Kind">"individual", "group-course", "structural" or "count-only".</param>
/// <param name="PlanDeadlineDays">0: no deadline.</param>
public sealed record InsatsFacts(
    string InsatsId,
    string Name,
    string Kind,
    int BudgetedPlaces,
    int FollowUpPlaces,
    int PlanDeadlineDays,
    int? WorkOrStudiesTargetPercent,
    int? EnrolmentTarget,
    int? GenderBalanceMinPercent,
    DateOnly? StartDate,
    DateOnly? EndDate,
    FactVersion Version)
{
    public const string Individual = "individual";
    public const string GroupCourse = "group-course";
    public const string Structural = "structural";
    public const string CountOnly = "count-only";

    /// <summary>Uppföljning Finsam's split: insatser for individuals (individual and group courses) against structural ones.</summary>
    public bool IsForIndividuals => Kind is Individual or GroupCourse or CountOnly;
}
