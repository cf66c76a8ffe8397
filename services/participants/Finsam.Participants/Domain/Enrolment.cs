using Finsam.Platform.Ids;

namespace Finsam.Participants.Domain;

/// <summary>
/// Inskrivning: one stay of one person in one insats, and everything recorded on it. A person may have
/// several over time; each is its own aggregate, written as one document with its events.
/// </summary>
public sealed class Enrolment
{
    public required string Id { get; init; }

    public required string InsatsId { get; init; }

    /// <summary>Null for an anonymous enrolment: only gender and age band, counted, never identified.</summary>
    public string? ParticipantId { get; init; }

    public bool Anonymous => ParticipantId is null;

    /// <summary>Events carry no participant id: anonymous, or the person has skyddade personuppgifter.</summary>
    public required bool AnonymousDownstream { get; init; }

    public required Gender Gender { get; init; }

    /// <summary>Null for anonymous enrolments.</summary>
    public int? BirthYear { get; init; }

    /// <summary>Five-year band at the original start date (ParticipantCodes.AgeBands).</summary>
    public required string AgeBand { get; init; }

    public required EnrolmentStartFacts Start { get; set; }

    /// <summary>The referral the stay came from; opaque here.</summary>
    public string? ReferralId { get; init; }

    public string? ReferringAgency { get; init; }

    /// <summary>The insats' plan deadline when the stay started, so a later change of the insats doesn't move it.</summary>
    public int? PlanDeadlineDays { get; init; }

    public required Actor StartedBy { get; init; }

    public required DateTime StartedAt { get; init; }

    public List<Kartlaggning> Kartlaggningar { get; init; } = [];

    public List<Plan> Plans { get; init; } = [];

    public List<StaffAssessment> Assessments { get; init; } = [];

    public List<SelfAssessment> SelfAssessments { get; init; } = [];

    /// <summary>Null while the stay runs.</summary>
    public EnrolmentEnding? Ending { get; set; }

    public List<FollowUp> FollowUps { get; init; } = [];

    public List<Correction> Corrections { get; init; } = [];

    /// <summary>When gallring removed the free text; null before.</summary>
    public DateTime? IdentifyingDataRemovedAt { get; set; }

    /// <summary>The etag: the stored version this was read at.</summary>
    public long Version { get; set; }

    public bool IsEnded => Ending is not null;

    public DateOnly? PlanDueOn => PlanDeadlineDays is { } days ? Start.StartDate.AddDays(days) : null;

    // Retracted records stay stored and shown, but nothing is computed from them.
    public IEnumerable<Plan> PlansNotRetracted => Plans.Where(p => !p.Retracted);

    public IEnumerable<SelfAssessment> SelfAssessmentsNotRetracted => SelfAssessments.Where(s => !s.Retracted);

    public IEnumerable<FollowUp> FollowUpsNotRetracted => FollowUps.Where(f => !f.Retracted);

    /// <summary>The days of what the stay recorded and still counts (kartläggning, plans, assessments): a corrected start may not pass them.</summary>
    public IEnumerable<DateOnly> DaysRecordedDuringStay =>
        Kartlaggningar.Where(k => !k.Retracted).Select(k => k.Date)
            .Concat(PlansNotRetracted.Select(p => p.RecordedOn))
            .Concat(Assessments.Where(a => !a.Retracted).Select(a => a.AssessedOn))
            .Concat(SelfAssessmentsNotRetracted.Select(s => s.AssessedOn));

    /// <summary>Still running, no plan that counts, and the deadline day has passed.</summary>
    public bool IsPlanOverdue(DateOnly today) => !IsEnded && !PlansNotRetracted.Any() && PlanDueOn is { } due && due < today;

    /// <summary>Whether the stay got its first plan within the deadline; null without a deadline. Retracted plans don't count.</summary>
    public bool? PlanWithinDeadline(DateOnly candidatePlanOn)
    {
        if (PlanDueOn is not { } due)
        {
            return null;
        }

        var first = PlansNotRetracted.Select(p => p.RecordedOn).Append(candidatePlanOn).Min();
        return first <= due;
    }

    /// <summary>The last day something can have happened in the stay: its end, or today while it runs.</summary>
    public DateOnly LastDayOfStay(DateOnly today) => Ending?.EndDate is { } end && end < today ? end : today;

    public static string NewId() => SequentialIds.Next();
}

/// <summary>The facts recorded at the start: the "before" of every before/after in the annual report.</summary>
public sealed record EnrolmentStartFacts(
    DateOnly StartDate,
    IReadOnlyList<string> ContactPersons,
    IReadOnlyList<string> ForsorjningAtStart,
    string? SysselsattningAtStart,
    string? EducationLevel,
    int? YearsInSupport);

/// <summary>Avslut: the "after".</summary>
public sealed record EnrolmentEnding(
    DateOnly EndDate,
    IReadOnlyList<string> Reasons,
    string SysselsattningAtEnd,
    IReadOnlyList<string> ForsorjningAtEnd,
    Actor EndedBy,
    DateTime EndedAt);
