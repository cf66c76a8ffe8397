using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Time;

namespace Finsam.Participants.Application.Enrolments;

/// <summary>
/// The lower bounds of a stay's start date, for a start and for a corrected start: not before the person is
/// <see cref="MinimumAge"/>, and not before the referral the stay came from reached the insats. Each
/// violation names "start_date".
/// </summary>
public static class StartDateRules
{
    /// <summary>The insatser are for people of working age; the age bands of the statistics start at 15.</summary>
    public const int MinimumAge = 15;

    public static void CheckAge(Participant participant, DateOnly startDate, List<FieldViolation> violations)
    {
        if (participant.Personnummer?.BirthDate is { } born)
        {
            if (startDate < born)
            {
                violations.Add(new FieldViolation("start_date", $"Startdatum ligger före personens födelsedatum ({IsoDates.ToIso(born)})."));
            }
            else if (startDate < born.AddYears(MinimumAge))
            {
                violations.Add(new FieldViolation(
                    "start_date",
                    $"Personen fyller {MinimumAge} år {IsoDates.ToIso(born.AddYears(MinimumAge))}; inskrivningen kan inte börja före det."));
            }

            return;
        }

        // After gallring only the birth year is left: refuse only what is certainly too early.
        if (startDate.Year < participant.BirthYear)
        {
            violations.Add(new FieldViolation("start_date", $"Startdatum ligger före personens födelseår ({participant.BirthYear})."));
        }
        else if (startDate.Year < participant.BirthYear + MinimumAge)
        {
            violations.Add(new FieldViolation(
                "start_date", $"Personen är född {participant.BirthYear} och är under {MinimumAge} år på startdatumet; inskrivningen kan inte börja före {MinimumAge} års ålder."));
        }
    }

    public static void CheckReferral(DateOnly receivedOn, DateOnly startDate, List<FieldViolation> violations)
    {
        if (startDate < receivedOn)
        {
            violations.Add(new FieldViolation(
                "start_date", $"Startdatum ligger före dagen då remissen kom in ({IsoDates.ToIso(receivedOn)}); inskrivningen kan inte börja före remissen."));
        }
    }

    /// <summary>Exact age from the birth date while it is known; after gallring, from the birth year.</summary>
    public static int AgeOn(Participant participant, DateOnly day)
    {
        if (participant.Personnummer?.BirthDate is not { } born)
        {
            return day.Year - participant.BirthYear;
        }

        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }
}
