namespace Finsam.IntegrationEvents.Participants.V1;

// An enrolment (inskrivning) is one stay in one insats; a person may have several. Events about it carry
// the enrolment id, never a name or personnummer. ParticipantId is null for anonymous enrolments and for
// people with skyddade personuppgifter (Anonymous is then true): they are counted, never identified.

/// <summary>The facts recorded at the start of a stay, the "before" of every before/after in the report.</summary>
/// <param name="Gender">"woman", "man" or "other".</param>
/// <param name="BirthYear">Null for anonymous enrolments, which carry only the age band.</param>
/// <param name="AgeBand">Five-year band at the start date, see <see cref="ParticipantCodes.AgeBands"/>.</param>
/// <param name="ForsorjningAtStart">Codes of <see cref="ParticipantCodes.Forsorjning"/>; one or more.</param>
/// <param name="ReferringAgency">The agency of the referral the stay came from, if any.</param>
public sealed record EnrolmentStarted(
    string EnrolmentId,
    string? ParticipantId,
    string InsatsId,
    DateOnly StartDate,
    bool Anonymous,
    string Gender,
    int? BirthYear,
    string AgeBand,
    IReadOnlyList<string> ForsorjningAtStart,
    string? SysselsattningAtStart,
    string? EducationLevel,
    int? YearsInSupport,
    string? ReferringAgency,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>
/// The start facts were corrected; the record carries all of them as they now stand. The reason stays in the
/// service's history: free text could name someone.
/// </summary>
public sealed record EnrolmentStartCorrected(
    string EnrolmentId,
    string InsatsId,
    DateOnly StartDate,
    IReadOnlyList<string> ForsorjningAtStart,
    string? SysselsattningAtStart,
    string? EducationLevel,
    int? YearsInSupport,
    DateTime OccurredAt) : IIntegrationEvent;

/// <param name="GoalKind">"work" or "studies": what the huvudmål is about.</param>
/// <param name="WithinDeadline">Null when the insats sets no plan deadline.</param>
public sealed record PlanRecorded(
    string EnrolmentId, string InsatsId, string PlanId, DateOnly RecordedOn, string GoalKind, DateOnly? ReviewDate, bool? WithinDeadline, DateTime OccurredAt)
    : IIntegrationEvent;

/// <summary>
/// A staff assessment (Kind "staff": DOA, AWP …) or a self-assessment (Kind "self": the livshjul …). A staff
/// assessment's written result stays in the service (free text can say anything about the person; gallring
/// removes it there): downstream learns that an instrument was used, when, and the self-assessment scores.
/// </summary>
/// <param name="Instrument">The instrument's short name (a name token, never a sentence).</param>
/// <param name="Phase">"start", "end" or "other".</param>
/// <param name="Scores">Per area (self-assessments), e.g. "somn" → 4; empty for staff assessments.</param>
public sealed record AssessmentRecorded(
    string EnrolmentId,
    string InsatsId,
    string AssessmentId,
    string Kind,
    string Instrument,
    string InstrumentVersion,
    string Phase,
    DateOnly AssessedOn,
    IReadOnlyDictionary<string, int> Scores,
    DateTime OccurredAt) : IIntegrationEvent;

/// <param name="Reasons">Codes of <see cref="ParticipantCodes.EndReasons"/>; one or more.</param>
public sealed record EnrolmentEnded(
    string EnrolmentId,
    string InsatsId,
    DateOnly EndDate,
    IReadOnlyList<string> Reasons,
    string SysselsattningAtEnd,
    IReadOnlyList<string> ForsorjningAtEnd,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>The ending was corrected; the record carries all end facts as they now stand (the reason stays in the history).</summary>
public sealed record EnrolmentEndCorrected(
    string EnrolmentId,
    string InsatsId,
    DateOnly EndDate,
    IReadOnlyList<string> Reasons,
    string SysselsattningAtEnd,
    IReadOnlyList<string> ForsorjningAtEnd,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A follow-up contact (uppföljning) after the end, at most 12 months after it.</summary>
/// <param name="FollowUpId">
/// Which contact, so a later <see cref="FollowUpCorrected"/> or <see cref="FollowUpRetracted"/> can be matched to it;
/// null in events written before the id was added (last, so those still read).
/// </param>
public sealed record FollowUpRecorded(string EnrolmentId, string InsatsId, DateOnly ContactOn, DateTime OccurredAt, string? FollowUpId = null) : IIntegrationEvent;

// Corrections and retractions of what was recorded during a stay. A correction carries the facts as they now
// stand, as the Recorded event did; a retraction says the record was wrong and no longer counts (it is kept,
// marked, in the service). The reason given stays in the service's history: free text could name someone.

/// <summary>A plan's reported facts were corrected, or its <paramref name="WithinDeadline"/> changed because another plan's date did.</summary>
/// <param name="WithinDeadline">Whether the stay's first plan that still counts was within the deadline; null without a deadline.</param>
public sealed record PlanCorrected(
    string EnrolmentId, string InsatsId, string PlanId, DateOnly RecordedOn, string GoalKind, DateOnly? ReviewDate, bool? WithinDeadline, DateTime OccurredAt)
    : IIntegrationEvent;

/// <summary>A plan was recorded by mistake: it no longer counts (for the deadline nor anything else).</summary>
public sealed record PlanRetracted(string EnrolmentId, string InsatsId, string PlanId, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>
/// A staff assessment or self-assessment was corrected; the fields mirror <see cref="AssessmentRecorded"/> as they
/// now stand (never the written result).
/// </summary>
public sealed record AssessmentCorrected(
    string EnrolmentId,
    string InsatsId,
    string AssessmentId,
    string Kind,
    string Instrument,
    string InstrumentVersion,
    string Phase,
    DateOnly AssessedOn,
    IReadOnlyDictionary<string, int> Scores,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>An assessment was recorded by mistake: it no longer counts, e.g. in a self-assessment's change.</summary>
/// <param name="Kind">"staff" or "self", as in <see cref="AssessmentRecorded"/>.</param>
public sealed record AssessmentRetracted(string EnrolmentId, string InsatsId, string AssessmentId, string Kind, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A follow-up contact's date was corrected.</summary>
public sealed record FollowUpCorrected(string EnrolmentId, string InsatsId, string FollowUpId, DateOnly ContactOn, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A follow-up contact was recorded by mistake: it no longer counts.</summary>
public sealed record FollowUpRetracted(string EnrolmentId, string InsatsId, string FollowUpId, DateTime OccurredAt) : IIntegrationEvent;
