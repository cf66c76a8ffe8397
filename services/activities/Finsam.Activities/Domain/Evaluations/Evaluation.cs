using System.Globalization;

namespace Finsam.Activities.Domain.Evaluations;

/// <summary>
/// One course evaluation form: a rating per statement of the group's format, in order (1–6, 6 best; 0 = not
/// answered). It is unlinked from the person on purpose: a random id (no time in it, unlike a v7 id), the group
/// and insats, and only the month it was handed in; no participant, no submitter.
/// </summary>
public sealed record Evaluation(string Id, string GroupId, string InsatsId, string Month, IReadOnlyList<int> Ratings)
{
    public const int NotAnswered = 0;
    public const int LowestRating = 1;
    public const int HighestRating = 6;

    /// <summary>A version 4 (random) id: a v7 id would carry the instant the form was stored.</summary>
    public static string NewId() => Guid.NewGuid().ToString();

    /// <summary>"yyyy-MM" of a day.</summary>
    public static string MonthOf(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The first instant (UTC midnight on the 1st) of a "yyyy-MM" month: the only time an event about a form may carry.</summary>
    public static DateTime FirstInstantOf(string month) =>
        DateTime.SpecifyKind(DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
