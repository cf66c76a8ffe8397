namespace Finsam.Participants.Domain;

// What is recorded during a stay. Each is appended, never replaced: a new plan is a revision and the
// earlier ones stay, so nothing recorded is overwritten. A wrong value is corrected in place with the earlier
// one kept in the stay's history; a record made by mistake is retracted: it stays, marked, and no longer
// counts in anything computed from the stay (overdue plans, self-assessment change, follow-up bounds).

/// <summary>Kartläggning: when, and which areas were mapped (bakgrund, hälsa, rehabilitering …).</summary>
public sealed record Kartlaggning(string Id, DateOnly Date, IReadOnlyList<string> Areas, Actor RecordedBy, DateTime RecordedAt)
{
    public bool Retracted { get; init; }
}

/// <param name="GoalKind">"work" or "studies".</param>
public sealed record Plan(
    string Id,
    DateOnly RecordedOn,
    string GoalKind,
    string Huvudmal,
    IReadOnlyList<string> Delmal,
    IReadOnlyList<string> Strategies,
    DateOnly? ReviewDate,
    bool? WithinDeadline,
    Actor RecordedBy,
    DateTime RecordedAt)
{
    public static readonly IReadOnlySet<string> GoalKinds = new HashSet<string>(StringComparer.Ordinal) { "work", "studies" };

    public bool Retracted { get; init; }
}

/// <summary>A staff assessment: the instrument is data (an open list), the result as the instrument writes it.</summary>
public sealed record StaffAssessment(
    string Id, string Instrument, string InstrumentVersion, string Scale, DateOnly AssessedOn, string Result, Actor RecordedBy, DateTime RecordedAt)
{
    public bool Retracted { get; init; }
}

/// <param name="Phase">"start" or "end".</param>
public sealed record SelfAssessment(
    string Id, string Instrument, string Phase, DateOnly AssessedOn, IReadOnlyDictionary<string, int> Scores, Actor RecordedBy, DateTime RecordedAt)
{
    public const string PhaseStart = "start";
    public const string PhaseEnd = "end";

    public bool Retracted { get; init; }
}

/// <summary>Uppföljning: a contact after the end.</summary>
public sealed record FollowUp(string Id, DateOnly ContactOn, string Note, Actor RecordedBy, DateTime RecordedAt)
{
    public const int MaxNoteLength = 500;

    /// <summary>Follow-up support lasts up to 12 months after the end, and nothing after that.</summary>
    public const int WindowMonths = 12;

    public bool Retracted { get; init; }
}
