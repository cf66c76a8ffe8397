using Finsam.Activities.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Time;
using Finsam.Platform.Validation;

namespace Finsam.Activities.Application.Catalogue;

/// <summary>What DefineInsats and ChangeInsats both set, as the caller sent it.</summary>
public interface IInsatsFacts
{
    string? Name { get; }

    int BudgetedPlaces { get; }

    int PlanDeadlineDays { get; }

    int FollowUpPlaces { get; }

    string? TargetGroup { get; }

    OutcomeTargets OutcomeTargets { get; }

    DateOnly? StartDate { get; }

    DateOnly? EndDate { get; }
}

/// <summary>The facts after validation: trimmed, in range, dates in order.</summary>
public sealed record InsatsFacts(
    string Name,
    int BudgetedPlaces,
    int PlanDeadlineDays,
    int FollowUpPlaces,
    string TargetGroup,
    OutcomeTargets OutcomeTargets,
    DateOnly? StartDate,
    DateOnly? EndDate)
{
    public const int MaxNameLength = 200;
    public const int MaxTargetGroupLength = 1000;
    public const int MaxPlaces = 10_000;
    public const int MaxPlanDeadlineDays = 365;
    public const int MaxEnrolmentTarget = 100_000;

    /// <summary>
    /// Above 50 % no group can reach it: if each gender must be at least 60 %, both can't be. So the lowest share of
    /// either gender is at most 50.
    /// </summary>
    public const int MaxGenderBalancePercent = 50;

    /// <summary>The validated facts, or null with a violation per field that is wrong (all of them, not the first).</summary>
    public static InsatsFacts? Validate(IInsatsFacts sent, List<FieldViolation> violations)
    {
        var before = violations.Count;
        var name = FreeText.Validate(sent.Name, "name", "Insatsens namn", MaxNameLength, required: true, multiline: false, violations);
        if (sent.BudgetedPlaces is < 0 or > MaxPlaces)
        {
            violations.Add(new FieldViolation("budgeted_places", "Budgeterade platser ska vara mellan 0 och 10 000."));
        }

        if (sent.FollowUpPlaces is < 0 or > MaxPlaces)
        {
            violations.Add(new FieldViolation("follow_up_places", "Uppföljningsplatser ska vara mellan 0 och 10 000."));
        }

        if (sent.PlanDeadlineDays is < 0 or > MaxPlanDeadlineDays)
        {
            violations.Add(new FieldViolation("plan_deadline_days", "Tidsgränsen för plan ska vara mellan 0 och 365 dagar (0 = ingen)."));
        }

        var targetGroup = FreeText.Validate(sent.TargetGroup, "target_group", "Målgruppen", MaxTargetGroupLength, required: false, multiline: false, violations);

        var targets = sent.OutcomeTargets;
        if (targets.WorkOrStudiesPercent is < 0 or > 100)
        {
            violations.Add(new FieldViolation(
                "outcome_targets.work_or_studies_percent", "Målet för andel till arbete eller studier ska vara mellan 0 och 100 procent."));
        }

        if (targets.EnrolmentTarget is < 0 or > MaxEnrolmentTarget)
        {
            violations.Add(new FieldViolation(
                "outcome_targets.enrolment_target", "Målet för antal inskrivna ska vara mellan 0 och 100 000."));
        }

        if (targets.GenderBalanceMinPercent is < 0 or > MaxGenderBalancePercent)
        {
            violations.Add(new FieldViolation(
                "outcome_targets.gender_balance_min_percent",
                "Målet för könsfördelning är den lägsta andelen av vardera kön och ska vara mellan 0 och 50 procent."));
        }

        if (sent.StartDate is { } start && sent.EndDate is { } end && end < start)
        {
            violations.Add(new FieldViolation("end_date", $"Slutdatum {IsoDates.ToIso(end)} ligger före startdatum {IsoDates.ToIso(start)}."));
        }

        return violations.Count > before
            ? null
            : new InsatsFacts(
                name!,
                sent.BudgetedPlaces,
                sent.PlanDeadlineDays,
                sent.FollowUpPlaces,
                targetGroup!,
                // 0 and "unset" mean the same in the contract: no target. Stored as null so reports can't mistake it for a target of 0.
                new OutcomeTargets(NullIfZero(targets.WorkOrStudiesPercent), NullIfZero(targets.EnrolmentTarget), NullIfZero(targets.GenderBalanceMinPercent)),
                sent.StartDate,
                sent.EndDate);
    }

    public Insats ApplyTo(Insats insats) => insats with
    {
        Name = Name,
        BudgetedPlaces = BudgetedPlaces,
        PlanDeadlineDays = PlanDeadlineDays,
        FollowUpPlaces = FollowUpPlaces,
        TargetGroup = TargetGroup,
        OutcomeTargets = OutcomeTargets,
        StartDate = StartDate,
        EndDate = EndDate,
    };

    private static int? NullIfZero(int? value) => value is 0 ? null : value;
}
