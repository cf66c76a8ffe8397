using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Ids;

namespace Finsam.Activities.Domain.Formats;

/// <summary>When a format measures its participants.</summary>
public enum MeasurementPoint
{
    Start = 1,
    Weekly = 2,
    End = 3,
    FollowUp3Months = 4,
}

/// <summary>
/// A run of träffar on fixed weekdays (ISO: 1 = Monday … 5 = Friday) at one local time of day, e.g. ReDO's five
/// weeks of afternoons. A phase with no träffar (ReDO's work-training phase) lasts <see cref="Weeks"/> weeks.
/// </summary>
public sealed record CourseFormatPhase(
    string Name,
    int Traffar,
    IReadOnlyList<int> Weekdays,
    TimeOnly StartTime,
    int LengthMinutes,
    int Weeks = 0);

/// <summary>What a course format says: träffar, phases, group size, leaders, measurements and the completion rule.</summary>
public sealed record CourseFormatContent(
    string Name,
    string Description,
    IReadOnlyList<CourseFormatPhase> Phases,
    int MinParticipants,
    int MaxParticipants,
    string RequiredLeaderQualification,
    IReadOnlyList<string> RequiredLeaderAgencies,
    IReadOnlyList<MeasurementPoint> MeasurementPoints,
    Delivery Delivery,
    bool InterpreterRequired,
    int LateJoinUntilTraff,
    int CompletionMinAttendancePercent,
    IReadOnlyList<string> TraffThemes,
    IReadOnlyList<string> EvaluationStatements)
{
    public int TotalTraffar => Phases.Sum(p => p.Traffar);
}

/// <summary>A stored course format. <see cref="SeedKey"/> names a seeded one (e.g. "mitt-val"); null otherwise.</summary>
public sealed record CourseFormat(string Id, CourseFormatContent Content, string? SeedKey, DateTime ChangedAt, long Version = 0)
{
    public static string NewId() => SequentialIds.Next();
}
