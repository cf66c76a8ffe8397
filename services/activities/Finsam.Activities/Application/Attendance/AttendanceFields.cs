using System.Globalization;
using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;

namespace Finsam.Activities.Application.Attendance;

/// <summary>Validation of what attendance says: a status, and hours that fit in the träff.</summary>
public static class AttendanceFields
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static AttendanceStatus? Status(AttendanceStatus? status, string field, List<FieldViolation> violations)
    {
        if (status is null || !Enum.IsDefined(status.Value))
        {
            violations.Add(new FieldViolation(field, "Ange närvarande, frånvarande anmäld eller frånvarande ej anmäld."));
            return null;
        }

        return status;
    }

    /// <summary>
    /// The hours to store: between 0 and the träff's length; 0 with PRESENT means the whole träff; an absence has 0.
    /// Null (with a violation) when they don't fit, or when the träff or status is unknown so nothing can be said yet.
    /// </summary>
    public static double? Hours(AttendanceStatus? status, double hours, Traff? traff, string field, List<FieldViolation> violations)
    {
        if (!double.IsFinite(hours))
        {
            violations.Add(new FieldViolation(field, "Timmar ska vara ett tal, t.ex. 1.5."));
            return null;
        }

        if (hours < 0)
        {
            violations.Add(new FieldViolation(field, "Timmar kan inte vara negativa."));
            return null;
        }

        if (traff is not null && hours > traff.LengthHours)
        {
            violations.Add(new FieldViolation(
                field,
                $"Träffen är {traff.LengthHours.ToString("0.##", Swedish)} timmar lång: fler timmar än så kan inte registreras."));
            return null;
        }

        if (status is AttendanceStatus.ExcusedAbsence or AttendanceStatus.UnexcusedAbsence && hours > 0)
        {
            violations.Add(new FieldViolation(field, "Den som är frånvarande har 0 timmar."));
            return null;
        }

        if (traff is null || status is null)
        {
            return null;
        }

        return status == AttendanceStatus.Present && hours == 0 ? traff.LengthHours : hours;
    }

}
