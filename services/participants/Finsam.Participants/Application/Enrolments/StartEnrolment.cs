using System.Runtime.ExceptionServices;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Catalogue;
using Finsam.Participants.Application.Referrals;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Time;

namespace Finsam.Participants.Application.Enrolments;

/// <summary>Who an anonymous enrolment is about: gender and age band, nothing else.</summary>
public sealed record AnonymousPerson(Gender? Gender, string? AgeBand);

public sealed record StartEnrolmentCommand(
    string? RequestId,
    string? InsatsId,
    string? ParticipantId,
    AnonymousPerson? Anonymous,
    string? ReferralId,
    DateOnly? StartDate,
    IReadOnlyList<string> ContactPersons,
    IReadOnlyList<string> ForsorjningAtStart,
    string? SysselsattningAtStart,
    string? EducationLevel,
    int? YearsInSupport);

/// <summary>
/// Starts a stay. An identified person needs consent that is active on the start day — and a person who
/// returns needs consent given after their last stay ended — one or two contact persons, and to be at least
/// 15 on the start day. A person with skyddade personuppgifter is enrolled, but every event about the stay
/// is anonymous. An anonymous enrolment records gender and age band and nothing else: no referral (it would
/// lead back to the person), no contact persons, no background facts. One active stay per person and
/// insats, and at most one stay per referral, both enforced by unique indexes so concurrent starts can't both win.
/// </summary>
public sealed class StartEnrolmentHandler(
    IEnrolmentRepository repository,
    ParticipantLoader participants,
    EnrolmentAccess access,
    IInsatsCatalogue catalogue,
    IStayReferrals referrals,
    TimeProvider clock)
{
    public const int MaxDaysAhead = 30;
    public const int MaxContactPersons = 2;
    public const int MaxYearsInSupport = 60;
    public const string ReasonConsentRequired = "CONSENT_REQUIRED";
    public const string ReasonAlreadyActive = "ENROLMENT_ALREADY_ACTIVE";
    public const string ReasonReferralAlreadyUsed = "REFERRAL_ALREADY_USED";

    public async Task<Enrolment> HandleAsync(AccessContext context, StartEnrolmentCommand command, CancellationToken cancellationToken)
    {
        var today = SwedishCalendar.Today(clock);
        var input = Validate(command, today);

        var insats = await catalogue.GetAsync(input.InsatsId, cancellationToken);
        if (insats is null)
        {
            throw new ValidationFailedException([new FieldViolation("insats_id", "Insatsen finns inte i insatskatalogen.")]);
        }

        if (!insats.EnrolsParticipants)
        {
            // The same state problem, with the same reason, as referring someone to such an insats.
            throw new PreconditionFailedException(
                CreateReferralHandler.ReasonInsatsHasNoParticipants,
                $"Insatsen \"{insats.Name}\" skriver inte in deltagare (struktur- eller pinnstatistikinsats).");
        }

        var participant = input.ParticipantId is null ? null : await participants.LoadAsync(input.ParticipantId, cancellationToken);
        await access.EnsureMayWorkInAsync(context, insats.Id, participant?.Id, AccessActions.StartEnrolment, cancellationToken);

        if (input.RequestId is not null && await repository.FindByRequestIdAsync(input.RequestId, cancellationToken) is { } earlier)
        {
            return await RetriedAsync(context, earlier, cancellationToken);
        }

        StayReferral? referral = null;
        if (participant is not null)
        {
            referral = await CheckStartAsync(participant, insats.Id, input, cancellationToken);
            await EnsureMayEnrolAsync(participant, insats.Id, input.Start.StartDate, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var enrolment = new Enrolment
        {
            Id = Enrolment.NewId(),
            InsatsId = insats.Id,
            ParticipantId = participant?.Id,
            AnonymousDownstream = participant is null || participant.ProtectedIdentity,
            Gender = participant?.Gender ?? input.Anonymous!.Gender!.Value,
            BirthYear = participant?.BirthYear,
            AgeBand = participant is null ? input.Anonymous!.AgeBand! : ParticipantCodes.AgeBandOf(StartDateRules.AgeOn(participant, input.Start.StartDate)),
            Start = input.Start,
            ReferralId = input.ReferralId,
            ReferringAgency = referral?.Agency,
            PlanDeadlineDays = insats.PlanDeadlineDays,
            StartedBy = context.Actor,
            StartedAt = now,
        };

        try
        {
            // Without a client request id every call is its own request.
            await repository.AddAsync(enrolment, input.RequestId ?? $"auto:{enrolment.Id}", [Started(enrolment, now)], cancellationToken);
        }
        catch (EnrolmentRequestIdTakenException) when (input.RequestId is not null)
        {
            // A concurrent retry of the same request won the race: answer with its result.
            var raced = await repository.FindByRequestIdAsync(input.RequestId, cancellationToken)
                ?? throw new InvalidOperationException("A request id was taken but its enrolment is missing.");
            return await RetriedAsync(context, raced, cancellationToken);
        }
        catch (EnrolmentAlreadyActiveException)
        {
            // Either another start for the same person won, or a retry of this one did (same person, same insats).
            if (input.RequestId is not null && await repository.FindByRequestIdAsync(input.RequestId, cancellationToken) is { } raced)
            {
                return await RetriedAsync(context, raced, cancellationToken);
            }

            throw AlreadyActive();
        }
        catch (EnrolmentReferralUsedException)
        {
            // Another start from the same referral won, or a retry of this one did.
            if (input.RequestId is not null && await repository.FindByRequestIdAsync(input.RequestId, cancellationToken) is { } raced)
            {
                return await RetriedAsync(context, raced, cancellationToken);
            }

            throw ReferralAlreadyUsed();
        }

        return enrolment;
    }

    /// <summary>
    /// The start as downstream sees it. Anonymous downstream (an anonymous stay, or a person with skyddade
    /// personuppgifter) means counted, never described: insats, start date, gender and age band only.
    /// </summary>
    public static EnrolmentStarted Started(Enrolment enrolment, DateTime now) => new(
        enrolment.Id,
        enrolment.AnonymousDownstream ? null : enrolment.ParticipantId,
        enrolment.InsatsId,
        enrolment.Start.StartDate,
        enrolment.AnonymousDownstream,
        RegisterParticipantHandler.ToEventGender(enrolment.Gender),
        enrolment.AnonymousDownstream ? null : enrolment.BirthYear,
        enrolment.AgeBand,
        enrolment.AnonymousDownstream ? [] : enrolment.Start.ForsorjningAtStart,
        enrolment.AnonymousDownstream ? null : enrolment.Start.SysselsattningAtStart,
        enrolment.AnonymousDownstream ? null : enrolment.Start.EducationLevel,
        enrolment.AnonymousDownstream ? null : enrolment.Start.YearsInSupport,
        enrolment.AnonymousDownstream ? null : enrolment.ReferringAgency,
        now);

    private sealed record ValidInput(string? RequestId, string InsatsId, string? ParticipantId, AnonymousPerson? Anonymous, string? ReferralId, EnrolmentStartFacts Start);

    private static ValidInput Validate(StartEnrolmentCommand command, DateOnly today)
    {
        var violations = new List<FieldViolation>();
        var requestId = RequestIds.Parse(command.RequestId, violations);
        var insatsId = Ids.Validate(command.InsatsId, "insats_id", "Insats-id", required: true, violations);
        var participantId = Ids.Validate(command.ParticipantId, "participant_id", "Deltagar-id", required: false, violations);
        var identified = !string.IsNullOrWhiteSpace(command.ParticipantId);
        var anonymous = !identified && command.Anonymous is not null;
        if (identified && command.Anonymous is not null)
        {
            violations.Add(new FieldViolation("anonymous", "Ange antingen deltagar-id eller anonym inskrivning, inte båda."));
        }
        else if (!identified && command.Anonymous is null)
        {
            violations.Add(new FieldViolation("participant_id", "Ange deltagar-id, eller kön och åldersgrupp för en anonym inskrivning."));
        }
        else if (command.Anonymous is { } person)
        {
            if (person.Gender is null)
            {
                violations.Add(new FieldViolation("anonymous.gender", "Kön saknas: ange kvinna, man eller annat."));
            }

            if (string.IsNullOrWhiteSpace(person.AgeBand) || !ParticipantCodes.AgeBands.Contains(person.AgeBand.Trim()))
            {
                violations.Add(new FieldViolation("anonymous.age_band", $"Åldersgrupp saknas eller är okänd: välj bland {string.Join(", ", ParticipantCodes.AgeBands)}."));
            }
        }

        var startDate = EnrolmentFields.RequiredDate(command.StartDate, "start_date", "Startdatum", violations);
        if (startDate > today.AddDays(MaxDaysAhead))
        {
            violations.Add(new FieldViolation("start_date", $"Startdatum får ligga högst {MaxDaysAhead} dagar fram i tiden."));
        }

        if (anonymous)
        {
            AnonymousStartFacts.Refuse(
                command.ReferralId, command.ContactPersons, command.ForsorjningAtStart, command.SysselsattningAtStart,
                command.EducationLevel, command.YearsInSupport, violations);
            EnrolmentFields.ThrowIfAny(violations);
            return new ValidInput(
                requestId,
                insatsId!,
                null,
                command.Anonymous! with { AgeBand = command.Anonymous.AgeBand!.Trim() },
                null,
                new EnrolmentStartFacts(startDate!.Value, [], [], null, null, null));
        }

        // Without participant_id (and without anonymous) only that is reported, not what an identified start would also need.
        var needed = identified ? 1 : 0;
        var referralId = Ids.Validate(command.ReferralId, "referral_id", "Remiss-id", required: false, violations);
        var contactPersons = EnrolmentFields.Texts(
            command.ContactPersons, "contact_persons", "Kontaktpersoner", needed, MaxContactPersons, EnrolmentFields.MaxShortText, violations);
        var forsorjning = EnrolmentFields.Codes(
            command.ForsorjningAtStart, ParticipantCodes.Forsorjning, "forsorjning_at_start", "Försörjning vid start", needed, violations);
        var sysselsattning = EnrolmentFields.Code(
            command.SysselsattningAtStart, ParticipantCodes.Sysselsattning, "sysselsattning_at_start", "Sysselsättning vid start", required: false, violations);
        var education = EnrolmentFields.Code(
            command.EducationLevel, ParticipantCodes.EducationLevels, "education_level", "Utbildningsnivå", required: false, violations);
        ValidateYears(command.YearsInSupport, "years_in_support", violations);
        EnrolmentFields.ThrowIfAny(violations);

        return new ValidInput(
            requestId,
            insatsId!,
            participantId,
            null,
            referralId,
            new EnrolmentStartFacts(startDate!.Value, contactPersons!, forsorjning!, sysselsattning, education, command.YearsInSupport));
    }

    public static void ValidateYears(int? years, string field, List<FieldViolation> violations)
    {
        if (years is < 0 or > MaxYearsInSupport)
        {
            violations.Add(new FieldViolation(field, $"Antal år i offentlig försörjning ska vara mellan 0 och {MaxYearsInSupport}."));
        }
    }

    private async Task EnsureMayEnrolAsync(Participant participant, string insatsId, DateOnly startDate, CancellationToken cancellationToken)
    {
        if (participant.IdentityRemovedAt is not null)
        {
            throw new PreconditionFailedException(GetParticipantIdentityHandler.ReasonIdentityRemoved, "Personens identitetsuppgifter är gallrade; registrera personen på nytt.");
        }

        var stays = await repository.ListForParticipantAsync(participant.Id, cancellationToken);
        if (stays.Any(s => s.InsatsId == insatsId && !s.IsEnded))
        {
            throw AlreadyActive();
        }

        // A person who returns gives consent again: what they agreed to before their last stay ended doesn't carry over.
        var lastEnd = stays.Where(s => s.IsEnded).Select(s => (DateOnly?)s.Ending!.EndDate).Max();
        if (participant.Consents.Any(c => c.IsActiveOn(startDate) && (lastEnd is null || c.GivenOn > lastEnd)))
        {
            return;
        }

        var day = IsoDates.ToIso(startDate);
        throw new PreconditionFailedException(
            ReasonConsentRequired,
            lastEnd is { } end
                ? $"Samtycke saknas: personen återkommer efter en inskrivning som avslutades {IsoDates.ToIso(end)}, och ett nytt samtycke, givet efter det och giltigt {day}, krävs."
                : $"Samtycke saknas: personen har inget samtycke till informationsutbyte som gäller {day}.");
    }

    private async Task<Enrolment> RetriedAsync(AccessContext context, Enrolment earlier, CancellationToken cancellationToken)
    {
        await access.EnsureMayWorkInAsync(context, earlier.InsatsId, earlier.ParticipantId, AccessActions.StartEnrolment, cancellationToken);
        return earlier;
    }

    /// <summary>
    /// What can only be checked against the stored person and referral: the start date's lower bounds and the
    /// referral's fit. Wrong arguments (start_date, referral_id) are reported together before a referral in the
    /// wrong state (FAILED_PRECONDITION).
    /// </summary>
    private async Task<StayReferral?> CheckStartAsync(Participant participant, string insatsId, ValidInput input, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        StartDateRules.CheckAge(participant, input.Start.StartDate, violations);
        StayReferral? referral = null;
        ExceptionDispatchInfo? unusable = null;
        if (input.ReferralId is { } referralId)
        {
            try
            {
                referral = await referrals.ForNewStayAsync(referralId, insatsId, participant.Id, cancellationToken);
                StartDateRules.CheckReferral(referral.ReceivedOn, input.Start.StartDate, violations);
            }
            catch (ValidationFailedException ex)
            {
                violations.AddRange(ex.Violations);
            }
            catch (PreconditionFailedException ex)
            {
                unusable = ExceptionDispatchInfo.Capture(ex);
            }
        }

        EnrolmentFields.ThrowIfAny(violations);
        unusable?.Throw();
        return referral;
    }

    private static AlreadyExistsException AlreadyActive() =>
        new(ReasonAlreadyActive, "Personen är redan inskriven i insatsen. Avsluta den pågående inskrivningen först.");

    public static PreconditionFailedException ReferralAlreadyUsed() =>
        new(ReasonReferralAlreadyUsed, "En inskrivning har redan kommit av remissen; en ny inskrivning behöver en ny remiss.");
}
