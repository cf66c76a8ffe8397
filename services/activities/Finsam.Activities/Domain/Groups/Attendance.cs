namespace Finsam.Activities.Domain.Groups;

public enum AttendanceStatus
{
    /// <summary>Närvarande.</summary>
    Present = 1,

    /// <summary>Frånvarande, anmäld.</summary>
    ExcusedAbsence = 2,

    /// <summary>Frånvarande, ej anmäld.</summary>
    UnexcusedAbsence = 3,
}

/// <summary>
/// A participant's attendance at one träff as it now stands. A correction replaces status and hours and keeps
/// the earlier values in <see cref="Corrections"/>.
/// </summary>
public sealed class AttendanceRecord
{
    public required string ParticipantId { get; init; }

    public AttendanceStatus Status { get; set; }

    public double Hours { get; set; }

    public required string RecordedBy { get; init; }

    public DateTime RecordedAt { get; init; }

    public List<AttendanceCorrection> Corrections { get; init; } = [];
}

/// <summary>What the record said before a correction, who corrected it, when and why.</summary>
public sealed record AttendanceCorrection(
    AttendanceStatus PreviousStatus,
    double PreviousHours,
    string CorrectedBy,
    DateTime CorrectedAt,
    string Reason);

public static class AttendanceStatusCodes
{
    /// <summary>The codes events and documents use.</summary>
    public static string Code(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "present",
        AttendanceStatus.ExcusedAbsence => "excused-absence",
        _ => "unexcused-absence",
    };

    public static AttendanceStatus? Parse(string? code) => code switch
    {
        "present" => AttendanceStatus.Present,
        "excused-absence" => AttendanceStatus.ExcusedAbsence,
        "unexcused-absence" => AttendanceStatus.UnexcusedAbsence,
        _ => null,
    };
}
