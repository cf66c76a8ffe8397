using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Time;

namespace Finsam.Participants.Application.Enrolments;

/// <summary>Empty or null fields keep their current value.</summary>
public sealed record CorrectEnrolmentStartCommand(
    string? EnrolmentId,
    string? Etag,
    DateOnly? StartDate,
    IReadOnlyList<string> ContactPersons,
    IReadOnlyList<string> ForsorjningAtStart,
    string? SysselsattningAtStart,
    string? EducationLevel,
    int? YearsInSupport,
    string? Reason);

/// <summary>Empty or null fields keep their current value.</summary>
public sealed record CorrectEnrolmentEndCommand(
    string? EnrolmentId, string? Etag, DateOnly? EndDate, IReadOnlyList<string> Reasons, string? SysselsattningAtEnd, IReadOnlyList<string> ForsorjningAtEnd, string? Reason);

/// <summary>
/// Corrections of the start and end facts. Each changed field keeps its earlier value, who changed it, when
/// and why in the enrolment's history; the Corrected event carries the facts as they now stand.
/// </summary>
public sealed class CorrectEnrolmentHandlers(
    EnrolmentAccess access, IEnrolmentRepository repository, IParticipantRepository participants, IStayReferrals referrals, TimeProvider clock)
{
    public const string ReasonNotEnded = RecordFollowUpHandler.ReasonNotEnded;

    public async Task<Enrolment> CorrectStartAsync(AccessContext context, CorrectEnrolmentStartCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var etag = Etags.Parse(command.Etag, violations);
        var reason = CorrectionReasons.Validate(command.Reason, violations);
        var contactPersons = command.ContactPersons.Count == 0
            ? null
            : EnrolmentFields.Texts(command.ContactPersons, "contact_persons", "Kontaktpersoner", 1, StartEnrolmentHandler.MaxContactPersons, EnrolmentFields.MaxShortText, violations);
        var forsorjning = command.ForsorjningAtStart.Count == 0
            ? null
            : EnrolmentFields.Codes(command.ForsorjningAtStart, ParticipantCodes.Forsorjning, "forsorjning_at_start", "Försörjning vid start", 1, violations);
        var sysselsattning = EnrolmentFields.Code(
            command.SysselsattningAtStart, ParticipantCodes.Sysselsattning, "sysselsattning_at_start", "Sysselsättning vid start", required: false, violations);
        var education = EnrolmentFields.Code(command.EducationLevel, ParticipantCodes.EducationLevels, "education_level", "Utbildningsnivå", required: false, violations);
        StartEnrolmentHandler.ValidateYears(command.YearsInSupport, "years_in_support", violations);
        EnrolmentFields.ThrowIfAny(violations);

        var enrolment = await access.LoadForChangeAsync(context, command.EnrolmentId, etag!.Value, cancellationToken);
        var today = SwedishCalendar.Today(clock);
        if (enrolment.Anonymous)
        {
            AnonymousStartFacts.Refuse(
                null, command.ContactPersons, command.ForsorjningAtStart, command.SysselsattningAtStart, command.EducationLevel, command.YearsInSupport, violations);
        }

        if (command.StartDate is { } startDate)
        {
            ValidateStartDate(enrolment, startDate, today, violations);
            await ValidateStartBoundsAsync(enrolment, startDate, violations, cancellationToken);
        }

        EnrolmentFields.ThrowIfAny(violations);

        var old = enrolment.Start;
        var corrected = new EnrolmentStartFacts(
            command.StartDate ?? old.StartDate,
            contactPersons ?? old.ContactPersons,
            forsorjning ?? old.ForsorjningAtStart,
            sysselsattning ?? old.SysselsattningAtStart,
            education ?? old.EducationLevel,
            command.YearsInSupport ?? old.YearsInSupport);
        var now = clock.GetUtcNow().UtcDateTime;
        var history = new History(enrolment, context.Actor, now, reason!);
        history.Compare("start_date", IsoDates.ToIso(old.StartDate), IsoDates.ToIso(corrected.StartDate));
        history.Compare("contact_persons", Join(old.ContactPersons), Join(corrected.ContactPersons));
        history.Compare("forsorjning_at_start", Join(old.ForsorjningAtStart), Join(corrected.ForsorjningAtStart));
        history.Compare("sysselsattning_at_start", old.SysselsattningAtStart ?? "", corrected.SysselsattningAtStart ?? "");
        history.Compare("education_level", old.EducationLevel ?? "", corrected.EducationLevel ?? "");
        history.Compare("years_in_support", old.YearsInSupport?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            corrected.YearsInSupport?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        if (!history.Changed)
        {
            // Nothing differs: no write, no history line.
            return enrolment;
        }

        enrolment.Start = corrected;
        // A moved start moves the plan's due day, and with it whether the plan came in time.
        var replanned = corrected.StartDate != old.StartDate ? PlanDeadlines.Recompute(enrolment, history.Compare) : [];
        await repository.SaveAsync(
            enrolment,
            [new EnrolmentStartCorrected(
                enrolment.Id,
                enrolment.InsatsId,
                corrected.StartDate,
                // Anonymous downstream: only the date travels, as at the start.
                enrolment.AnonymousDownstream ? [] : corrected.ForsorjningAtStart,
                enrolment.AnonymousDownstream ? null : corrected.SysselsattningAtStart,
                enrolment.AnonymousDownstream ? null : corrected.EducationLevel,
                enrolment.AnonymousDownstream ? null : corrected.YearsInSupport,
                now),
                .. replanned.Select(p => PlanDeadlines.Corrected(enrolment, p, now))],
            cancellationToken);
        return enrolment;
    }

    public async Task<Enrolment> CorrectEndAsync(AccessContext context, CorrectEnrolmentEndCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var etag = Etags.Parse(command.Etag, violations);
        var reason = CorrectionReasons.Validate(command.Reason, violations);
        var facts = EndEnrolmentHandler.ValidateEndFacts(command.Reasons, command.SysselsattningAtEnd, command.ForsorjningAtEnd, required: false, violations);
        EnrolmentFields.ThrowIfAny(violations);

        var enrolment = await access.LoadForChangeAsync(context, command.EnrolmentId, etag!.Value, cancellationToken);
        if (enrolment.Ending is not { } old)
        {
            throw new PreconditionFailedException(ReasonNotEnded, "Inskrivningen är inte avslutad; det finns inget avslut att rätta.");
        }

        if (command.EndDate is { } endDate)
        {
            EndEnrolmentHandler.ValidateEndDate(enrolment, endDate, SwedishCalendar.Today(clock), violations);
        }

        EnrolmentFields.ThrowIfAny(violations);

        var corrected = old with
        {
            EndDate = command.EndDate ?? old.EndDate,
            Reasons = facts.Reasons ?? old.Reasons,
            SysselsattningAtEnd = facts.Sysselsattning ?? old.SysselsattningAtEnd,
            ForsorjningAtEnd = facts.Forsorjning ?? old.ForsorjningAtEnd,
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var history = new History(enrolment, context.Actor, now, reason!);
        history.Compare("end_date", IsoDates.ToIso(old.EndDate), IsoDates.ToIso(corrected.EndDate));
        history.Compare("reasons", Join(old.Reasons), Join(corrected.Reasons));
        history.Compare("sysselsattning_at_end", old.SysselsattningAtEnd, corrected.SysselsattningAtEnd);
        history.Compare("forsorjning_at_end", Join(old.ForsorjningAtEnd), Join(corrected.ForsorjningAtEnd));
        if (!history.Changed)
        {
            return enrolment;
        }

        enrolment.Ending = corrected;
        await repository.SaveAsync(
            enrolment,
            [new EnrolmentEndCorrected(
                enrolment.Id, enrolment.InsatsId, corrected.EndDate, corrected.Reasons, corrected.SysselsattningAtEnd, corrected.ForsorjningAtEnd, now)],
            cancellationToken);
        return enrolment;
    }

    /// <summary>
    /// A corrected start stays before everything recorded in the stay (kartläggning, plans, assessments)
    /// and before its end; at most as far ahead as a new start may be.
    /// </summary>
    private static void ValidateStartDate(Enrolment enrolment, DateOnly startDate, DateOnly today, List<FieldViolation> violations)
    {
        var recorded = enrolment.DaysRecordedDuringStay.ToList();
        if (startDate > today.AddDays(StartEnrolmentHandler.MaxDaysAhead))
        {
            violations.Add(new FieldViolation("start_date", $"Startdatum får ligga högst {StartEnrolmentHandler.MaxDaysAhead} dagar fram i tiden."));
        }
        else if (enrolment.Ending is { } ending && startDate > ending.EndDate)
        {
            violations.Add(new FieldViolation("start_date", $"Startdatum kan inte ligga efter slutdatum ({IsoDates.ToIso(ending.EndDate)})."));
        }
        else if (recorded.Count > 0 && startDate > recorded.Min())
        {
            violations.Add(new FieldViolation("start_date", $"Startdatum kan inte ligga efter det som redan registrerats i inskrivningen ({IsoDates.ToIso(recorded.Min())})."));
        }
    }

    /// <summary>The same lower bounds as a new start: the person's age, and the referral's day of arrival.</summary>
    private async Task ValidateStartBoundsAsync(Enrolment enrolment, DateOnly startDate, List<FieldViolation> violations, CancellationToken cancellationToken)
    {
        if (enrolment.ParticipantId is not null && await participants.GetAsync(enrolment.ParticipantId, cancellationToken) is { } participant)
        {
            StartDateRules.CheckAge(participant, startDate, violations);

            // The stay must still rest on consent: one valid on the corrected day, given after any earlier stay ended.
            var lastEndBefore = (await repository.ListForParticipantAsync(participant.Id, cancellationToken))
                .Where(s => s.Id != enrolment.Id && s.IsEnded && s.Ending!.EndDate < startDate)
                .Select(s => (DateOnly?)s.Ending!.EndDate)
                .Max();
            if (!participant.Consents.Any(c => c.IsActiveOn(startDate) && (lastEndBefore is null || c.GivenOn > lastEndBefore)))
            {
                violations.Add(new FieldViolation("start_date", $"Inget samtycke gäller {IsoDates.ToIso(startDate)}: inskrivningen kan inte flyttas till en dag utan samtycke."));
            }
        }

        if (enrolment.ReferralId is not null && await referrals.ReceivedOnAsync(enrolment.ReferralId, cancellationToken) is { } receivedOn)
        {
            StartDateRules.CheckReferral(receivedOn, startDate, violations);
        }
    }

    private static string Join(IEnumerable<string> values) => string.Join(", ", values);

    /// <summary>Adds one correction per field whose value differs.</summary>
    private sealed class History(Enrolment enrolment, Actor who, DateTime when, string why)
    {
        public bool Changed { get; private set; }

        public void Compare(string field, string oldValue, string newValue)
        {
            if (oldValue == newValue)
            {
                return;
            }

            enrolment.Corrections.Add(new Correction(field, oldValue, newValue, who, when, why));
            Changed = true;
        }
    }
}
