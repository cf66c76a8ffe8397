using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Enrolments;

/// <summary>
/// An anonymous enrolment is gender and age band, counted and never identified. A referral would lead back to
/// the person, and names or background facts could single them out in a small insats: a start or a correction
/// of an anonymous stay that gives any of them is refused, each field by name.
/// </summary>
public static class AnonymousStartFacts
{
    public const string Message = "En anonym inskrivning registrerar bara kön och åldersgrupp";

    public static void Refuse(
        string? referralId,
        IReadOnlyCollection<string> contactPersons,
        IReadOnlyCollection<string> forsorjning,
        string? sysselsattning,
        string? educationLevel,
        int? yearsInSupport,
        List<FieldViolation> violations)
    {
        Refuse(!string.IsNullOrWhiteSpace(referralId), "referral_id", "remissen", violations);
        Refuse(contactPersons.Count > 0, "contact_persons", "kontaktpersoner", violations);
        Refuse(forsorjning.Count > 0, "forsorjning_at_start", "försörjning vid start", violations);
        Refuse(!string.IsNullOrWhiteSpace(sysselsattning), "sysselsattning_at_start", "sysselsättning vid start", violations);
        Refuse(!string.IsNullOrWhiteSpace(educationLevel), "education_level", "utbildningsnivå", violations);
        Refuse(yearsInSupport is not null, "years_in_support", "antal år i offentlig försörjning", violations);
    }

    private static void Refuse(bool given, string field, string label, List<FieldViolation> violations)
    {
        if (given)
        {
            violations.Add(new FieldViolation(field, $"{Message}: lämna {label} tom."));
        }
    }
}
