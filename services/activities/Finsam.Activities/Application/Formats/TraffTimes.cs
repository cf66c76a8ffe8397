using System.Globalization;
using Finsam.Platform.Errors;

namespace Finsam.Activities.Application.Formats;

/// <summary>
/// When a träff starts and how long it lasts: one rule for a format's phases and for a träff added or moved by
/// hand, so a träff planned by hand can't be what no format may hold (five minutes, or running past midnight,
/// which the calendar feed would show ending the next day).
/// </summary>
public static class TraffTimes
{
    public const int MinLengthMinutes = 15;
    public const int MaxLengthMinutes = 600;
    public const string TimeFormat = "HH:mm";

    /// <summary>
    /// A Swedish wall-clock time written "HH:mm" exactly (two digits each, so "9:30" or "09:30:00" can't be read two
    /// ways), or null with a violation on <paramref name="field"/> when it is malformed or, if required, missing.
    /// </summary>
    public static TimeOnly? Time(string? value, string field, bool required, List<FieldViolation> violations)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                violations.Add(new FieldViolation(field, "Starttid saknas: skriv den som TT:MM (svensk tid), t.ex. 13:00."));
            }

            return null;
        }

        if (value.Length != TimeFormat.Length
            || !TimeOnly.TryParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            violations.Add(new FieldViolation(field, "Starttiden ska anges som TT:MM (svensk tid), t.ex. 09:30."));
            return null;
        }

        return time;
    }

    /// <summary>Adds a violation on <paramref name="field"/> unless the length is allowed and the träff ends the day it starts.</summary>
    public static void Length(TimeOnly? start, int lengthMinutes, string field, List<FieldViolation> violations)
    {
        if (lengthMinutes is < MinLengthMinutes or > MaxLengthMinutes)
        {
            violations.Add(new FieldViolation(field, $"En träff är {MinLengthMinutes}–{MaxLengthMinutes} minuter lång."));
        }
        else if (start is { } begins && begins.ToTimeSpan().TotalMinutes + lengthMinutes > 24 * 60)
        {
            violations.Add(new FieldViolation(field, $"En träff som börjar {Format(begins)} måste sluta samma dag."));
        }
    }

    public static string Format(TimeOnly time) => time.ToString(TimeFormat, CultureInfo.InvariantCulture);
}
