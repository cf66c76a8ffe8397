using Finsam.Platform.Errors;

namespace Finsam.Platform.Grpc;

/// <summary>google.type.Date ↔ DateOnly for the API layer: an unset date is null, an impossible one a field violation.</summary>
public static class ProtoDates
{
    public static DateOnly? ToDateOnly(Google.Type.Date? date, string field)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            return null;
        }

        if (date.Year is < 1900 or > 2200 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            throw new ValidationFailedException([new FieldViolation(field, $"{date.Year:0000}-{date.Month:00}-{date.Day:00} är inget giltigt datum.")]);
        }

        return new DateOnly(date.Year, date.Month, date.Day);
    }

    public static Google.Type.Date? ToProto(DateOnly? date) =>
        date is { } d ? new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day } : null;
}
