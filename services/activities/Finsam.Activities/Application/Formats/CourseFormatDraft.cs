using Finsam.Activities.Domain.Formats;
using Finsam.Activities.Domain.Groups;

namespace Finsam.Activities.Application.Formats;

/// <summary>A phase as the caller (or a seed file) sent it, before <see cref="CourseFormatRules"/> checks it.</summary>
public sealed record CourseFormatPhaseDraft(string? Name, int Traffar, IReadOnlyList<int> Weekdays, string? StartTime, int LengthMinutes, int Weeks);

/// <summary>
/// A course format as sent. Enumerations the caller left unspecified (or sent a value this version doesn't know)
/// arrive as null, so the rules can name the field instead of guessing a default.
/// </summary>
public sealed record CourseFormatDraft(
    string? Name,
    string? Description,
    IReadOnlyList<CourseFormatPhaseDraft> Phases,
    int MinParticipants,
    int MaxParticipants,
    string? RequiredLeaderQualification,
    IReadOnlyList<string> RequiredLeaderAgencies,
    IReadOnlyList<MeasurementPoint?> MeasurementPoints,
    Delivery? Delivery,
    bool InterpreterRequired,
    int LateJoinUntilTraff,
    int CompletionMinAttendancePercent,
    IReadOnlyList<string> TraffThemes,
    IReadOnlyList<string> EvaluationStatements);
