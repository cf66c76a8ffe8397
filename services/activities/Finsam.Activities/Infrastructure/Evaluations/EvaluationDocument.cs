using Finsam.Platform.Outbox;

namespace Finsam.Activities.Infrastructure.Evaluations;

/// <summary>
/// One evaluation form as stored, in a collection of its own so nothing in a group's document (roster, attendance)
/// sits beside it. The id is random; there is no participant, submitter or time finer than the month.
/// </summary>
public sealed class EvaluationDocument : OutboxDocument
{
    public const string CollectionName = "evaluations";

    public string GroupId { get; set; } = "";

    public string InsatsId { get; set; } = "";

    /// <summary>"yyyy-MM".</summary>
    public string Month { get; set; } = "";

    /// <summary>One per statement of the group, in order: 1–6, 0 = not answered.</summary>
    public List<int> Ratings { get; set; } = [];

    /// <summary>Unique: SHA-256 of the request id (or of a random one), never the request id itself.</summary>
    public string RequestKey { get; set; } = "";
}
