namespace Finsam.Testing.Reporting;

/// <summary>
/// How large a generated förbund is. The counts are met exactly: <see cref="Enrolments"/> includes the anonymous ones,
/// <see cref="AttendanceRecords"/> counts first recordings (corrections come on top).
/// </summary>
/// <param name="Participants">Registered people; each has at least one enrolment while enrolments last.</param>
/// <param name="Enrolments">Stays, over every insats; <see cref="AnonymousShare"/> of them anonymous.</param>
/// <param name="Groups">Groups of the group-course insatser.</param>
/// <param name="AttendanceRecords">One per booked participant per träff held, spread over the groups that run.</param>
/// <param name="Insatser">Catalogue size; at least 4, so every kind (individual, group course, structural, count-only) is there.</param>
/// <param name="FirstYear">The first year of activity; the history runs to the end of <c>FirstYear + Years - 1</c>.</param>
public sealed record HistoryShape(
    int Participants,
    int Enrolments,
    int Groups,
    int AttendanceRecords,
    int Insatser = 12,
    int FirstYear = 2019,
    int Years = 6,
    double AnonymousShare = 0.05)
{
    /// <summary>The scale benchmark: 100,000 participants, 150,000 enrolments, 5,000 groups, 2,000,000 attendance records.</summary>
    public static HistoryShape Benchmark { get; } = new(100_000, 150_000, 5_000, 2_000_000);

    /// <summary>A few thousand events: enough of every kind for the projection tests.</summary>
    public static HistoryShape Small { get; } = new(150, 230, 6, 600, Insatser: 6, FirstYear: 2021, Years: 3);

    public DateOnly FirstDay => new(FirstYear, 1, 1);

    /// <summary>The last day of the history: stays running then have no ending.</summary>
    public DateOnly LastDay => new(FirstYear + Years - 1, 12, 31);
}
