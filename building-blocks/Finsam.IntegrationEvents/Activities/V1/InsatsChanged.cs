namespace Finsam.IntegrationEvents.Activities.V1;

/// <summary>An insats in the catalogue was changed; the record carries the catalogue facts as they now stand.</summary>
/// <param name="Kind">"individual", "group-course", "structural" or "count-only" (a kind never changes).</param>
/// <param name="WorkOrStudiesTargetPercent">Share of the ended to work or studies the insats aims for; null: no target.</param>
/// <param name="EnrolmentTarget">Participants to enrol; null: no target.</param>
/// <param name="GenderBalanceMinPercent">The lowest share of either gender aimed for; null: no target.</param>
public sealed record InsatsChanged(
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
    DateTime OccurredAt) : IIntegrationEvent;
