using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Time;
using Finsam.Platform.Validation;

namespace Finsam.Participants.Application.Enrolments;

/// <summary>
/// Validation shared by the enrolment handlers. Each method adds a violation naming the request's field
/// (proto snake_case) with a Swedish description, and returns the cleaned value or null. Ids and single
/// texts go through <see cref="Ids"/> and <see cref="FreeText"/>.
/// </summary>
public static class EnrolmentFields
{
    public const int MaxShortText = 100;
    public const int MaxLongText = 500;
    public const int MaxListItems = 20;

    /// <summary>One code of <paramref name="codes"/>, or null when empty and not required.</summary>
    public static string? Code(string? value, IReadOnlyDictionary<string, string> codes, string field, string label, bool required, List<FieldViolation> violations)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            if (required)
            {
                violations.Add(new FieldViolation(field, $"{label} saknas: välj bland {Allowed(codes)}."));
            }

            return null;
        }

        if (!codes.ContainsKey(trimmed))
        {
            violations.Add(new FieldViolation(field, $"Okänd kod \"{EchoedInput.Shorten(trimmed)}\" för {label.ToLowerInvariant()}: välj bland {Allowed(codes)}."));
            return null;
        }

        return trimmed;
    }

    /// <summary>Distinct codes in the order given; at least <paramref name="min"/>.</summary>
    public static IReadOnlyList<string>? Codes(
        IEnumerable<string> values, IReadOnlyDictionary<string, string> codes, string field, string label, int min, List<FieldViolation> violations)
    {
        var list = values.Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count < min)
        {
            violations.Add(new FieldViolation(field, $"{label}: ange minst {min} av {Allowed(codes)}."));
            return null;
        }

        if (list.FirstOrDefault(v => !codes.ContainsKey(v)) is { } unknown)
        {
            violations.Add(new FieldViolation(field, $"Okänd kod \"{EchoedInput.Shorten(unknown)}\" för {label.ToLowerInvariant()}: välj bland {Allowed(codes)}."));
            return null;
        }

        return list;
    }

    /// <summary>
    /// A list of one-line texts: each non-empty, at most <paramref name="maxLength"/> characters, and printable
    /// by the rule of <see cref="FreeText"/>. One violation for the list, since items have no field name of their own.
    /// </summary>
    public static IReadOnlyList<string>? Texts(
        IEnumerable<string> values, string field, string label, int min, int max, int maxLength, List<FieldViolation> violations)
    {
        var list = values.Select(v => v.Trim()).ToList();
        if (list.Count < min || list.Count > max)
        {
            violations.Add(new FieldViolation(field, min == max ? $"{label}: ange {min}." : $"{label}: ange mellan {min} och {max}."));
            return null;
        }

        if (list.Any(v => v.Length == 0 || v.Length > maxLength || !FreeText.IsPrintable(v, multiline: false)))
        {
            violations.Add(new FieldViolation(field, $"{label}: varje rad ska ha 1–{maxLength} tecken, utan styrtecken."));
            return null;
        }

        return list;
    }

    public static DateOnly? RequiredDate(DateOnly? value, string field, string label, List<FieldViolation> violations)
    {
        if (value is null)
        {
            violations.Add(new FieldViolation(field, $"{label} saknas."));
        }

        return value;
    }

    /// <summary>A day something happened during the stay: from its start to its end, and not in the future.</summary>
    public static void WithinStay(Enrolment enrolment, DateOnly day, DateOnly today, string field, string label, List<FieldViolation> violations)
    {
        if (day > today)
        {
            violations.Add(new FieldViolation(field, $"{label} kan inte ligga i framtiden."));
        }
        else if (day < enrolment.Start.StartDate || day > enrolment.LastDayOfStay(today))
        {
            var end = enrolment.Ending is { } ending ? IsoDates.ToIso(ending.EndDate) : "i dag";
            violations.Add(new FieldViolation(field, $"{label} ska ligga inom inskrivningen ({IsoDates.ToIso(enrolment.Start.StartDate)} – {end})."));
        }
    }

    public static void ThrowIfAny(List<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }
    }

    private static string Allowed(IReadOnlyDictionary<string, string> codes) => string.Join(", ", codes.Keys);
}
