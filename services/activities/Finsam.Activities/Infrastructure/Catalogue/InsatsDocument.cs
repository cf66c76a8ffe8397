using Finsam.Platform.Outbox;

namespace Finsam.Activities.Infrastructure.Catalogue;

public sealed class InsatsDocument : OutboxDocument
{
    public const string CollectionName = "insatser";

    public string Name { get; set; } = "";

    /// <summary>"individual", "group-course", "structural" or "count-only".</summary>
    public string Kind { get; set; } = "";

    public int BudgetedPlaces { get; set; }

    public int FollowUpPlaces { get; set; }

    public DateTime DefinedAt { get; set; }

    /// <summary>0: no plan deadline.</summary>
    public int PlanDeadlineDays { get; set; }

    public string TargetGroup { get; set; } = "";

    /// <summary>Null: no target (the same for the two below).</summary>
    public int? WorkOrStudiesPercent { get; set; }

    public int? EnrolmentTarget { get; set; }

    public int? GenderBalanceMinPercent { get; set; }

    /// <summary>"yyyy-MM-dd", as every date of the domain is stored; null: not given.</summary>
    public string? StartDate { get; set; }

    /// <summary>"yyyy-MM-dd"; null: open-ended.</summary>
    public string? EndDate { get; set; }

    /// <summary>Who changed the facts last, and when; null until the first change.</summary>
    public string? ChangedBy { get; set; }

    public DateTime? ChangedAt { get; set; }

    public string RequestId { get; set; } = "";
}
