using Finsam.Platform.Outbox;

namespace Finsam.Activities.Infrastructure;

public sealed class InsatsDocument : OutboxDocument
{
    public const string CollectionName = "insatser";

    public string Name { get; set; } = "";

    /// <summary>"individual", "group-course", "structural" or "count-only".</summary>
    public string Kind { get; set; } = "";

    public int BudgetedPlaces { get; set; }

    public DateTime DefinedAt { get; set; }

    /// <summary>0: no plan deadline.</summary>
    public int PlanDeadlineDays { get; set; }

    public string RequestId { get; set; } = "";
}
