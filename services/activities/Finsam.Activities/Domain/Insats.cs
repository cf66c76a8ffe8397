namespace Finsam.Activities.Domain;

/// <summary>An insats in the catalogue: what the förbund funds and offers.</summary>
public sealed record Insats(string Id, string Name, InsatsKind Kind, int BudgetedPlaces, DateTime DefinedAt, int PlanDeadlineDays = 0)
{
    public static string NewId() => Guid.CreateVersion7().ToString();
}

public enum InsatsKind
{
    /// <summary>Individual, team-based support with budgeted places.</summary>
    Individual = 1,

    /// <summary>Gruppverksamhet: a fixed series of träffar.</summary>
    GroupCourse = 2,

    /// <summary>Strukturinsats: work on the agencies' collaboration, no participants.</summary>
    Structural = 3,

    /// <summary>Pinnstatistik: only counts by gender per period.</summary>
    CountOnly = 4,
}
