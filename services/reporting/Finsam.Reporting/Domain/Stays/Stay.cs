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
/// <remarks>
/// The derived facts every report reads for every stay (parked or not, insats, person, start and end dates) are kept
/// in fields of the stay itself, set whenever <see cref="Identity"/>, <see cref="Start"/> or <see cref="End"/> is (by
/// the books, a <c>with</c> or the JSON reader): at 150,000 stays a report walks the stays a dozen times, and reading
/// them through the three part objects cost a cache miss each, most of the report's time. They are functions of the
/// three parts, so they change neither equality nor the stored JSON (computed properties aren't stored).
/// </remarks>
public sealed record Stay(string EnrolmentId)
{
    private bool _isParked = true;
    private bool _anonymous;
    private string? _insatsId;
    private DateOnly? _startDate;
    private DateOnly? _endDate;

    public StayIdentity? Identity
    {
        get;
        init
        {
            field = value;
            Derive();
        }
    }

    public FactVersion? IdentityVersion { get; init; }

    public StayStart? Start
    {
        get;
        init
        {
            field = value;
            Derive();
        }
    }

    public FactVersion? StartVersion { get; init; }

    public StayEnd? End
    {
        get;
        init
        {
            field = value;
            Derive();
        }
    }

    public FactVersion? EndVersion { get; init; }

    /// <summary>
    /// Counted only when the <c>EnrolmentStarted</c> has arrived: without it we know neither who the stay is about
    /// nor (in practice) when it began. An ending or a correction that came first waits here, parked.
    /// </summary>
    public bool IsParked => _isParked;

    /// <summary>From the start facts; before the start arrives, from the ending, so a parked stay still has its insats.</summary>
    public string? InsatsId => _insatsId;

    public string? ParticipantId => Identity?.ParticipantId;

    /// <summary>Anonymous when flagged so or when there is no participant id to match on (skyddade personuppgifter).</summary>
    public bool Anonymous => _anonymous;

    public string? Gender => Identity?.Gender;
    public string? AgeBand => Identity?.AgeBand;

    /// <summary>Null until the start is known.</summary>
    public DateOnly? StartDate => _startDate;

    /// <summary>Null while the stay runs.</summary>
    public DateOnly? EndDate => _endDate;

    /// <summary>Works the derived fields out from the three parts as they now are.</summary>
    private void Derive()
    {
        _isParked = Identity is null || Start is null;
        _anonymous = Identity is { } identity && (identity.Anonymous || identity.ParticipantId is null);
        _insatsId = Start?.InsatsId ?? End?.InsatsId;
        _startDate = _isParked ? null : Start!.StartDate;
        _endDate = End?.EndDate;
    }
}
