namespace Finsam.Activities.Domain.Groups;

/// <summary>
/// One session of a group. <see cref="Number"/> is its 1-based place among the group's träffar in date and time
/// order, cancelled ones included, and is renumbered when träffar are moved or added.
/// </summary>
public sealed class Traff
{
    public required string Id { get; init; }

    public int Number { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>Local time in Europe/Stockholm.</summary>
    public TimeOnly StartTime { get; set; }

    public int LengthMinutes { get; set; }

    /// <summary>The format phase it was generated from; empty for an added träff.</summary>
    public string Phase { get; set; } = "";

    public string Theme { get; set; } = "";

    public TraffStatus Status { get; set; } = TraffStatus.Planned;

    /// <summary>Moves, cancellation and addition, oldest first: nothing is overwritten without a trace.</summary>
    public List<TraffChange> Changes { get; init; } = [];

    /// <summary>One entry per participant recorded at this träff.</summary>
    public List<AttendanceRecord> Attendance { get; init; } = [];

    public double LengthHours => LengthMinutes / 60.0;
}

/// <summary>A change to a träff: the kind ("moved", "cancelled", "added"), the earlier day and time, who, when and why.</summary>
public sealed record TraffChange(
    string Kind,
    DateOnly? PreviousDate,
    TimeOnly? PreviousStartTime,
    string ChangedBy,
    DateTime ChangedAt,
    string Reason)
{
    public const string Moved = "moved";
    public const string Cancelled = "cancelled";
    public const string Added = "added";
}
