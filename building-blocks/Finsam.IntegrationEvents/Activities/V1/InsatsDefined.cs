namespace Finsam.IntegrationEvents.Activities.V1;

/// <summary>An insats was added to the catalogue.</summary>
/// <param name="Kind">"individual", "group-course", "structural" or "count-only".</param>
/// <remarks>
/// The parameters after <paramref name="OccurredAt"/> were added later with defaults (an additive change: a message
/// without them reads as "none", and a consumer that doesn't know them ignores them); they carry the same facts as
/// <see cref="InsatsChanged"/>, so a consumer knows an insats' targets from its definition on.
/// </remarks>
/// <param name="WorkOrStudiesTargetPercent">Share of the ended to work or studies the insats aims for; null: no target.</param>
/// <param name="EnrolmentTarget">Participants to enrol; null: no target.</param>
/// <param name="GenderBalanceMinPercent">The lowest share of either gender aimed for; null: no target.</param>
public sealed record InsatsDefined(
    string InsatsId,
    string Name,
    string Kind,
    int BudgetedPlaces,
    DateTime OccurredAt,
    int FollowUpPlaces = 0,
    int PlanDeadlineDays = 0,
    int? WorkOrStudiesTargetPercent = null,
    int? EnrolmentTarget = null,
    int? GenderBalanceMinPercent = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null) : IIntegrationEvent;
