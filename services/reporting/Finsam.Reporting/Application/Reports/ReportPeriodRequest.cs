using System.Globalization;
using Finsam.Platform.Errors;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Application.Reports;

/// <summary>
/// Turns a request's year, or from and to, plus an insats id into a period and a scope the data can answer, or
/// refuses naming the field. A year or period the data doesn't reach, or an insats nobody has heard of, is refused
/// (400) rather than answered with an empty report that looks real.
/// </summary>
public static class ReportPeriodRequest
{
    /// <summary>The longest period a report covers: a project's final report spans a few years, not decades.</summary>
    public const int MaxYears = 10;

    /// <summary>The years a report may cover at all (Finsam began in 2004; nothing is planned past 2200).</summary>
    public const int MinYear = 1990;

    public const int MaxYear = 2200;

    /// <summary>Checks the form of the fields, without the data: a period, or violations.</summary>
    public static ReportPeriod? Parse(int year, string? from, string? to, List<FieldViolation> violations)
    {
        var hasRange = !string.IsNullOrEmpty(from) || !string.IsNullOrEmpty(to);
        if (year != 0 && hasRange)
        {
            violations.Add(new FieldViolation("year", "Ange antingen år eller from och to, inte båda."));
            return null;
        }

        if (year == 0 && !hasRange)
        {
            violations.Add(new FieldViolation("year", "Ange år (t.ex. 2025) eller en period med from och to (ÅÅÅÅ-MM-DD)."));
            return null;
        }

        if (year != 0)
        {
            if (year is < MinYear or > MaxYear)
            {
                violations.Add(new FieldViolation("year", $"Året {year} är inte ett giltigt rapportår."));
                return null;
            }

            return ReportPeriod.Year(year);
        }

        var fromDate = ParseDate("from", from, violations);
        var toDate = ParseDate("to", to, violations);
        if (fromDate is { Year: < MinYear or > MaxYear })
        {
            violations.Add(new FieldViolation("from", $"Perioden måste ligga mellan {MinYear} och {MaxYear}."));
            return null;
        }

        if (toDate is { Year: < MinYear or > MaxYear })
        {
            violations.Add(new FieldViolation("to", $"Perioden måste ligga mellan {MinYear} och {MaxYear}."));
            return null;
        }

        if (fromDate is not { } f || toDate is not { } t)
        {
            return null;
        }

        if (t < f)
        {
            violations.Add(new FieldViolation("to", "Periodens slut ligger före dess början."));
            return null;
        }

        if (t > f.AddYears(MaxYears))
        {
            violations.Add(new FieldViolation("to", $"En period får vara högst {MaxYears} år."));
            return null;
        }

        return new ReportPeriod(f, t);
    }

    /// <summary>
    /// Checks the period and insats against the data: the period must overlap the days the data covers (the first
    /// fact's day to today) and the insats must be in the catalogue or in some stay.
    /// </summary>
    /// <returns>The first day the scope's data covers (null when there is none, which is a violation).</returns>
    public static DateOnly? CheckAgainstData(ReportingModel model, string? insatsId, ReportPeriod period, DateOnly today, List<FieldViolation> violations)
    {
        var periodField = period.IsCalendarYear ? "year" : "from";
        var insats = insatsId is null ? null : model.Insatser.Find(insatsId);
        if (insatsId is not null && insats is null
            && !model.Stays.Stays.Any(s => string.Equals(s.InsatsId, insatsId, StringComparison.Ordinal)))
        {
            violations.Add(new FieldViolation("insats_id", $"Insatsen '{insatsId}' finns inte i rapportunderlaget."));
            return null;
        }

        if (insats?.Kind == Domain.Insatser.InsatsFacts.CountOnly)
        {
            // A count-only insats has no stays to report on: its counts are in the förbund's per-insats table.
            violations.Add(new FieldViolation("insats_id",
                "Insatsen registrerar bara antal (pinnstatistik); dess antal finns i förbundets rapport, tabellen per insats."));
            return null;
        }

        var first = FirstDay(model, insatsId);
        if (first is null)
        {
            violations.Add(new FieldViolation(periodField, insatsId is null
                ? "Det finns ännu inga uppgifter att rapportera."
                : "Det finns ännu inga uppgifter om insatsen att rapportera."));
            return null;
        }

        if (period.From > today)
        {
            violations.Add(new FieldViolation(periodField, "Perioden har inte börjat än."));
        }
        else if (period.To < first.Value)
        {
            violations.Add(new FieldViolation(
                period.IsCalendarYear ? "year" : "to",
                $"Uppgifterna {(insatsId is null ? "" : "om insatsen ")}börjar {first.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; perioden ligger före dem."));
        }

        return first;
    }

    /// <summary>
    /// The first day the data covers, for the insats asked about (its own start, its first stay) or for the whole
    /// förbund; null when there is nothing yet.
    /// </summary>
    private static DateOnly? FirstDay(ReportingModel model, string? insatsId)
    {
        DateOnly? first = null;
        void Consider(DateOnly day)
        {
            if (first is null || day < first)
            {
                first = day;
            }
        }

        foreach (var stay in model.Stays.Stays)
        {
            if (stay.StartDate is { } start && (insatsId is null || string.Equals(stay.InsatsId, insatsId, StringComparison.Ordinal)))
            {
                Consider(start);
            }
        }

        foreach (var insats in model.Insatser.Entities)
        {
            if (insatsId is null || string.Equals(insats.InsatsId, insatsId, StringComparison.Ordinal))
            {
                Consider(insats.StartDate ?? DateOnly.FromDateTime(insats.Version.OccurredAt));
            }
        }

        return first;
    }

    private static DateOnly? ParseDate(string field, string? value, List<FieldViolation> violations)
    {
        if (string.IsNullOrEmpty(value))
        {
            violations.Add(new FieldViolation(field, "Ange datumet som ÅÅÅÅ-MM-DD."));
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            violations.Add(new FieldViolation(field, $"'{Finsam.Platform.Validation.EchoedInput.Shorten(value)}' är inte ett datum (ÅÅÅÅ-MM-DD)."));
            return null;
        }

        return date;
    }
}
