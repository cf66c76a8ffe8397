namespace Finsam.Participants.Application.Gallring;

/// <summary>A gallring rule: identifying data of an insats' participants is removed N years after their last end.</summary>
public sealed record GallringRule(string InsatsId, int YearsAfterLastEnd, string SetBy, DateTime SetAt)
{
    public const int MinYears = 1;
    public const int MaxYears = 50;
}

/// <summary>One stay as gallring sees it: which insats, and when it ended (null while it runs).</summary>
public sealed record StaySummary(string InsatsId, DateOnly? EndDate);

/// <summary>The person's stays (enrolments); implemented by the enrolment feature.</summary>
public interface IParticipantStays
{
    Task<IReadOnlyList<StaySummary>> StaysOfAsync(string participantId, CancellationToken cancellationToken);
}

/// <summary>
/// A feature that keeps free text or other identifying data about a person (referral purpose, contact
/// persons, plan texts …). Gallring asks each to remove it; categorical facts that anonymous statistics
/// need (dates, codes, gender, age band) stay. Must be idempotent: a run that stopped half-way is run again.
/// </summary>
public interface IIdentifyingDataHolder
{
    Task RemoveIdentifyingDataAsync(string participantId, CancellationToken cancellationToken);
}

/// <summary>Rules and runs.</summary>
public interface IGallringStore
{
    Task SetRuleAsync(GallringRule rule, CancellationToken cancellationToken);

    Task<IReadOnlyList<GallringRule>> ListRulesAsync(CancellationToken cancellationToken);

    Task AddRunAsync(GallringRun run, CancellationToken cancellationToken);

    Task<GallringRun?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Version-checked: false when another run of the same dry run changed it first.</summary>
    Task<bool> SaveRunAsync(GallringRun run, CancellationToken cancellationToken);
}

/// <summary>A dry run and, once executed, its result. The run removes exactly what the dry run listed (if still due).</summary>
public sealed class GallringRun
{
    public required string Id { get; init; }

    public required DateOnly AsOf { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required List<GallringCandidate> Candidates { get; init; }

    public DateTime? ExecutedAt { get; set; }

    public string? ExecutedBy { get; set; }

    /// <summary>
    /// Candidates whose identifying data is removed: by this execution, or already before it (an earlier attempt
    /// of it that stopped half-way, or another run). Candidates not in it were kept: no longer due.
    /// </summary>
    public List<string> Removed { get; init; } = [];

    public long Version { get; set; }
}

/// <param name="DueOn">The day the last applicable rule made the person due.</param>
public sealed record GallringCandidate(string ParticipantId, DateOnly LastEnd, DateOnly DueOn, IReadOnlyList<string> Insatser);
