namespace Finsam.Participants.Application.Access;

/// <summary>
/// The append-only log of every read or change of personal data: who, in which role, what, about whom,
/// when and why. There is no update or delete on purpose; the store adapter offers none either.
/// </summary>
public interface IAccessLog
{
    /// <summary>Writes the entry before the data is returned: a read that can't be logged doesn't happen.</summary>
    Task RecordAsync(AccessContext context, string action, string participantId, AccessOutcome outcome, CancellationToken cancellationToken);

    /// <summary>All entries about one person, oldest first: the "who has read my data" extract.</summary>
    Task<IReadOnlyList<AccessLogEntry>> ListForParticipantAsync(string participantId, CancellationToken cancellationToken);
}

public enum AccessOutcome
{
    Allowed,
    Denied,
}

public sealed record AccessLogEntry(
    string Id,
    DateTime At,
    string Subject,
    string Role,
    string? Agency,
    string Action,
    string ParticipantId,
    string Purpose,
    AccessOutcome Outcome);

/// <summary>The actions the log names; "what" in who-what-whom-when-why.</summary>
public static class AccessActions
{
    public const string Register = "participant.register";
    public const string Read = "participant.read";
    public const string ReadIdentity = "participant.read-identity";
    public const string Search = "participant.search";
    public const string Correct = "participant.correct";
    public const string ReadHistory = "participant.read-history";
    public const string GiveConsent = "consent.give";
    public const string WithdrawConsent = "consent.withdraw";
    public const string ReadConsents = "consent.read";
    public const string ReadAccessLog = "access-log.extract";
    public const string Refer = "referral.create";
    public const string ReadReferral = "referral.read";
    public const string DecideReferral = "referral.decide";
    public const string StartEnrolment = "enrolment.start";
    public const string ReadEnrolment = "enrolment.read";
    public const string ChangeEnrolment = "enrolment.change";
    public const string RemoveIdentity = "gallring.remove-identity";
}
