namespace Finsam.Reporting.Domain.Stays;

/// <summary>
/// Who the stay is about, known only from <c>EnrolmentStarted</c>: a start correction never carries it, so a stay
/// is counted only once this has arrived. <see cref="ParticipantId"/> is null for anonymous stays.
/// </summary>
public sealed record StayIdentity(string? ParticipantId, bool Anonymous, string Gender, int? BirthYear, string AgeBand, string? ReferringAgency);

/// <summary>The start facts as they now stand (from the start or its latest correction); the "before" of the report.</summary>
public sealed record StayStart(
    string InsatsId,
    DateOnly StartDate,
    IReadOnlyList<string> ForsorjningAtStart,
    string? SysselsattningAtStart,
    string? EducationLevel,
    int? YearsInSupport);

/// <summary>The end facts as they now stand (from the ending or its latest correction); the "after" of the report.</summary>
public sealed record StayEnd(
    string InsatsId,
    DateOnly EndDate,
    IReadOnlyList<string> Reasons,
    string SysselsattningAtEnd,
    IReadOnlyList<string> ForsorjningAtEnd);

/// <summary>
/// One enrolment (stay) as reporting knows it. Each part remembers the version of the fact it holds
/// (<see cref="FactVersion"/>) so a later-arriving but older fact can't overwrite a newer one.
/// </summary>
public sealed record Stay(string EnrolmentId)
{
    public StayIdentity? Identity { get; init; }
    public FactVersion? IdentityVersion { get; init; }
    public StayStart? Start { get; init; }
    public FactVersion? StartVersion { get; init; }
    public StayEnd? End { get; init; }
    public FactVersion? EndVersion { get; init; }

    /// <summary>
    /// Counted only when the <c>EnrolmentStarted</c> has arrived: without it we know neither who the stay is about
    /// nor (in practice) when it began. An ending or a correction that came first waits here, parked.
    /// </summary>
    public bool IsParked => Identity is null || Start is null;

    /// <summary>From the start facts; before the start arrives, from the ending, so a parked stay still has its insats.</summary>
    public string? InsatsId => Start?.InsatsId ?? End?.InsatsId;

    public string? ParticipantId => Identity?.ParticipantId;

    /// <summary>Anonymous when flagged so or when there is no participant id to match on (skyddade personuppgifter).</summary>
    public bool Anonymous => Identity is { } identity && (identity.Anonymous || identity.ParticipantId is null);

    public string? Gender => Identity?.Gender;
    public string? AgeBand => Identity?.AgeBand;

    /// <summary>Null until the start is known.</summary>
    public DateOnly? StartDate => IsParked ? null : Start!.StartDate;

    /// <summary>Null while the stay runs.</summary>
    public DateOnly? EndDate => End?.EndDate;
}
