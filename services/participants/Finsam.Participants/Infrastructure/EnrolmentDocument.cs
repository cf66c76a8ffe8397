using Finsam.Platform.Outbox;

namespace Finsam.Participants.Infrastructure;

/// <summary>
/// How an enrolment is stored: the whole stay in one document with its pending events, so every change is
/// one atomic write. Dates of the domain are ISO text (yyyy-MM-dd), as everywhere in this service.
/// </summary>
public sealed class EnrolmentDocument : OutboxDocument
{
    public const string CollectionName = "enrolments";

    /// <summary>The client's request id (or "auto:{id}"); unique index, so a retry can't make a second stay.</summary>
    public string RequestId { get; set; } = "";

    /// <summary>
    /// Unique index that allows one active stay per person and insats however requests race:
    /// "{participantId}|{insatsId}" while active, "ended:{id}" once ended, "anon:{id}" for anonymous stays.
    /// </summary>
    public string ActiveKey { get; set; } = "";

    public string? ParticipantId { get; set; }

    public string InsatsId { get; set; } = "";

    public bool AnonymousDownstream { get; set; }

    /// <summary>"woman", "man" or "other".</summary>
    public string Gender { get; set; } = "";

    public int? BirthYear { get; set; }

    public string AgeBand { get; set; } = "";

    public string StartDate { get; set; } = "";

    public List<string> ContactPersons { get; set; } = [];

    public List<string> ForsorjningAtStart { get; set; } = [];

    public string? SysselsattningAtStart { get; set; }

    public string? EducationLevel { get; set; }

    public int? YearsInSupport { get; set; }

    public string? ReferralId { get; set; }

    /// <summary>
    /// Unique index that lets one referral start at most one stay however requests race: the referral id, or
    /// "none:{id}" for a stay without a referral.
    /// </summary>
    public string ReferralKey { get; set; } = "";

    public string? ReferringAgency { get; set; }

    public int? PlanDeadlineDays { get; set; }

    public ActorDocument StartedBy { get; set; } = new();

    public DateTime StartedAt { get; set; }

    public List<KartlaggningDocument> Kartlaggningar { get; set; } = [];

    public List<PlanDocument> Plans { get; set; } = [];

    public List<StaffAssessmentDocument> Assessments { get; set; } = [];

    public List<SelfAssessmentDocument> SelfAssessments { get; set; } = [];

    /// <summary>Null while the stay runs.</summary>
    public EndingDocument? Ending { get; set; }

    public List<FollowUpDocument> FollowUps { get; set; } = [];

    public List<CorrectionDocument> Corrections { get; set; } = [];

    public DateTime? IdentifyingDataRemovedAt { get; set; }
}

public sealed class KartlaggningDocument
{
    public string Id { get; set; } = "";

    public string Date { get; set; } = "";

    public List<string> Areas { get; set; } = [];

    public ActorDocument RecordedBy { get; set; } = new();

    public DateTime RecordedAt { get; set; }

    /// <summary>Retracted: recorded by mistake, kept but no longer counted. Absent (false) in documents stored before retraction existed.</summary>
    public bool Retracted { get; set; }
}

public sealed class PlanDocument
{
    public string Id { get; set; } = "";

    public string RecordedOn { get; set; } = "";

    public string GoalKind { get; set; } = "";

    public string Huvudmal { get; set; } = "";

    public List<string> Delmal { get; set; } = [];

    public List<string> Strategies { get; set; } = [];

    public string? ReviewDate { get; set; }

    public bool? WithinDeadline { get; set; }

    public ActorDocument RecordedBy { get; set; } = new();

    public DateTime RecordedAt { get; set; }

    /// <summary>Retracted: recorded by mistake, kept but no longer counted. Absent (false) in documents stored before retraction existed.</summary>
    public bool Retracted { get; set; }
}

public sealed class StaffAssessmentDocument
{
    public string Id { get; set; } = "";

    public string Instrument { get; set; } = "";

    public string InstrumentVersion { get; set; } = "";

    public string Scale { get; set; } = "";

    public string AssessedOn { get; set; } = "";

    public string Result { get; set; } = "";

    public ActorDocument RecordedBy { get; set; } = new();

    public DateTime RecordedAt { get; set; }

    /// <summary>Retracted: recorded by mistake, kept but no longer counted. Absent (false) in documents stored before retraction existed.</summary>
    public bool Retracted { get; set; }
}

public sealed class SelfAssessmentDocument
{
    public string Id { get; set; } = "";

    public string Instrument { get; set; } = "";

    public string Phase { get; set; } = "";

    public string AssessedOn { get; set; } = "";

    /// <summary>A list rather than a map: area names never become field names in either store.</summary>
    public List<ScoreDocument> Scores { get; set; } = [];

    public ActorDocument RecordedBy { get; set; } = new();

    public DateTime RecordedAt { get; set; }

    /// <summary>Retracted: recorded by mistake, kept but no longer counted. Absent (false) in documents stored before retraction existed.</summary>
    public bool Retracted { get; set; }
}

public sealed class ScoreDocument
{
    public string Area { get; set; } = "";

    public int Score { get; set; }
}

public sealed class EndingDocument
{
    public string EndDate { get; set; } = "";

    public List<string> Reasons { get; set; } = [];

    public string SysselsattningAtEnd { get; set; } = "";

    public List<string> ForsorjningAtEnd { get; set; } = [];

    public ActorDocument EndedBy { get; set; } = new();

    public DateTime EndedAt { get; set; }
}

public sealed class FollowUpDocument
{
    public string Id { get; set; } = "";

    public string ContactOn { get; set; } = "";

    public string Note { get; set; } = "";

    public ActorDocument RecordedBy { get; set; } = new();

    public DateTime RecordedAt { get; set; }

    /// <summary>Retracted: recorded by mistake, kept but no longer counted. Absent (false) in documents stored before retraction existed.</summary>
    public bool Retracted { get; set; }
}
