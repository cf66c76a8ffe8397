using Finsam.Activities.Domain.Counts;
using Finsam.Platform.Errors;
using Finsam.Platform.Time;

namespace Finsam.Activities.Application.Counts;

/// <summary>A period and its counts after validation.</summary>
public sealed record CountFacts(DateOnly PeriodFrom, DateOnly PeriodTo, CountsByGender Counts);

/// <summary>
/// The rules a registration and a correction share. Each adds a violation naming the request's field (proto
/// snake_case) with a Swedish description; all of them are reported together, not the first.
/// </summary>
public static class CountFields
{
    public const int MaxCount = 100_000;
    public const int MaxIdLength = 64;

    /// <summary>
    /// The period and counts, or null. The period lies inside one calendar year, because the annual report counts a
    /// registration in the one year that holds it; and not after <paramref name="today"/>, because what hasn't
    /// happened can't have been counted. At least one count is above 0: a registration of nobody says nothing.
    /// </summary>
    public static CountFacts? Validate(DateOnly? periodFrom, DateOnly? periodTo, int women, int men, int other, DateOnly today, List<FieldViolation> violations)
    {
        var before = violations.Count;
        if (periodFrom is not { } from)
        {
            violations.Add(new FieldViolation("period_from", "Ange periodens första dag."));
        }
        else if (from > today)
        {
            violations.Add(new FieldViolation("period_from", $"Perioden kan inte börja i framtiden: {IsoDates.ToIso(from)} är efter i dag ({IsoDates.ToIso(today)})."));
        }

        if (periodTo is not { } to)
        {
            violations.Add(new FieldViolation("period_to", "Ange periodens sista dag."));
        }
        else if (periodFrom is { } start && to < start)
        {
            violations.Add(new FieldViolation("period_to", $"Periodens sista dag {IsoDates.ToIso(to)} ligger före dess första dag {IsoDates.ToIso(start)}."));
        }
        else if (to > today)
        {
            violations.Add(new FieldViolation("period_to", $"Perioden kan inte sluta i framtiden: {IsoDates.ToIso(to)} är efter i dag ({IsoDates.ToIso(today)})."));
        }
        else if (periodFrom is { } first && first.Year != to.Year)
        {
            violations.Add(new FieldViolation(
                "period_to",
                $"Perioden ska ligga inom ett kalenderår ({IsoDates.ToIso(first)} och {IsoDates.ToIso(to)} ligger i olika år): registrera en period för varje år."));
        }

        Count(women, "women", "kvinnor", violations);
        Count(men, "men", "män", violations);
        Count(other, "other", "annan könstillhörighet", violations);
        if (women == 0 && men == 0 && other == 0)
        {
            // No single field is wrong: any one of them above 0 would do, so each is named.
            foreach (var field in new[] { "women", "men", "other" })
            {
                violations.Add(new FieldViolation(field, "Minst ett av antalen (kvinnor, män, annan) ska vara större än 0."));
            }
        }

        return violations.Count > before ? null : new CountFacts(periodFrom!.Value, periodTo!.Value, new CountsByGender(women, men, other));
    }

    /// <summary>The insats id of the path, trimmed; the access rule compares it with the caller's insatser.</summary>
    public static string? InsatsId(string? value, List<FieldViolation> violations)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxIdLength)
        {
            violations.Add(new FieldViolation("insats_id", "Insats-id saknas eller är för långt."));
            return null;
        }

        return trimmed;
    }

    private static void Count(int value, string field, string label, List<FieldViolation> violations)
    {
        if (value is < 0 or > MaxCount)
        {
            violations.Add(new FieldViolation(field, $"Antalet {label} ska vara mellan 0 och 100 000."));
        }
    }
}
