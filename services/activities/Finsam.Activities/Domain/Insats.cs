using Finsam.Platform.Ids;

namespace Finsam.Activities.Domain;

/// <summary>
/// An insats in the catalogue: what the förbund funds and offers. The positional part is what every insats has;
/// the rest was added for the annual report (follow-up places, målgrupp, targets, active period) and defaults to
/// "none", so code that only needs the basics can still build one.
/// </summary>
public sealed record Insats(string Id, string Name, InsatsKind Kind, int BudgetedPlaces, DateTime DefinedAt, int PlanDeadlineDays = 0)
{
    /// <summary>Uppföljningsplatser: places for follow-up up to 12 months after ending.</summary>
    public int FollowUpPlaces { get; init; }

    /// <summary>Målgrupp, in words; "" when not described.</summary>
    public string TargetGroup { get; init; } = "";

    public OutcomeTargets OutcomeTargets { get; init; } = OutcomeTargets.None;

    /// <summary>The first day the insats runs; null: not given.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>The last day the insats runs; null: open-ended.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>The stored version (the etag); 0 before it is stored.</summary>
    public long Version { get; init; }

    public static string NewId() => SequentialIds.Next();
}

/// <summary>What the insats is measured against in the annual report; null: no target.</summary>
/// <param name="WorkOrStudiesPercent">Share of the ended who go to work or studies (e.g. 40).</param>
/// <param name="EnrolmentTarget">Participants to enrol per year or over the project period.</param>
/// <param name="GenderBalanceMinPercent">The lowest share of either gender among the enrolled (e.g. 40).</param>
public sealed record OutcomeTargets(int? WorkOrStudiesPercent, int? EnrolmentTarget, int? GenderBalanceMinPercent)
{
    public static readonly OutcomeTargets None = new(null, null, null);
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
