using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Catalogue;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Time;
using Finsam.Platform.Validation;

namespace Finsam.Participants.Application.Referrals;

/// <param name="Agency">Null: the agency of the calling agency system (required from other callers).</param>
/// <param name="ReceivedOn">Null: today.</param>
public sealed record CreateReferralCommand(
    string? RequestId,
    string? ParticipantId,
    string? InsatsId,
    string? Agency,
    string? Purpose,
    string? Handlaggare,
    string? AgencyReference,
    DateOnly? ReceivedOn);

/// <summary>
/// Receives a referral: validates every field, checks the insats in the catalogue and the person, stores the
/// referral with its ReferralReceived event in one write. A retried request id answers with the first result.
/// </summary>
public sealed class CreateReferralHandler(
    IReferralRepository repository,
    ParticipantLoader participants,
    IInsatsCatalogue catalogue,
    ReferralAccess access,
    ReferralQueue queue,
    IReferralStays stays,
    TimeProvider clock)
{
    public const string ReasonInsatsHasNoParticipants = "INSATS_HAS_NO_PARTICIPANTS";
    public const string ReasonRequestIdTaken = "REQUEST_ID_TAKEN";
    public const string ReasonAlreadyReferred = "REFERRAL_ALREADY_OPEN";

    public async Task<ReferralView> HandleAsync(AccessContext context, CreateReferralCommand command, CancellationToken cancellationToken)
    {
        ParticipantAccess.EnsureMayRegister(context.Caller);
        var today = SwedishCalendar.Today(clock);
        var violations = new List<FieldViolation>();

        var requestId = RequestIds.Parse(command.RequestId, violations);
        var participantId = Ids.Validate(command.ParticipantId, "participant_id", "Deltagar-id", required: true, violations);
        var insatsId = Ids.Validate(command.InsatsId, "insats_id", "Insats-id", required: true, violations);
        var agency = ValidateAgency(context.Caller, command.Agency, violations);
        var purpose = FreeText.Validate(
            command.Purpose, "purpose", "Syftet med remissen", ReferralTexts.PurposeMaxLength, required: true, multiline: true, violations);
        var handlaggare = FreeText.Validate(
            command.Handlaggare, "handlaggare", "Handläggare", ReferralTexts.HandlaggareMaxLength, required: false, multiline: false, violations);
        var reference = FreeText.Validate(
            command.AgencyReference, "agency_reference", "Myndighetens referens", ReferralTexts.AgencyReferenceMaxLength, required: false, multiline: false, violations);
        var receivedOn = command.ReceivedOn ?? today;
        if (receivedOn > today)
        {
            violations.Add(new FieldViolation("received_on", "Remissen kan inte vara mottagen i framtiden."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        if (requestId is not null && await repository.FindByRequestIdAsync(requestId, cancellationToken) is { } earlier)
        {
            return await EarlierResultAsync(context, earlier, cancellationToken);
        }

        var insats = await catalogue.GetAsync(insatsId!, cancellationToken)
            ?? throw new ValidationFailedException([new FieldViolation("insats_id", "Insatsen finns inte.")]);
        if (!insats.EnrolsParticipants)
        {
            throw new PreconditionFailedException(
                ReasonInsatsHasNoParticipants,
                $"Insatsen \"{insats.Name}\" tar inte emot deltagare (den är {(insats.Kind == "structural" ? "en strukturinsats" : "en insats som bara räknar antal")}).");
        }

        var participant = await participants.LoadAsync(participantId, cancellationToken);
        await access.EnsureMayReferAsync(context, agency!, insats.Id, participant, cancellationToken);
        if (await HasOpenReferralAsync(participant.Id, insats.Id, cancellationToken))
        {
            // A concurrent retry of this very request may be the open one: then it is the answer.
            if (requestId is not null && await repository.FindByRequestIdAsync(requestId, cancellationToken) is { } retried)
            {
                return await EarlierResultAsync(context, retried, cancellationToken);
            }

            throw new AlreadyExistsException(
                ReasonAlreadyReferred, "Personen har redan en remiss till insatsen som väntar eller pågår. Återkalla den eller avsluta inskrivningen först.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var referral = new Referral
        {
            Id = Referral.NewId(),
            ParticipantId = participant.Id,
            InsatsId = insats.Id,
            Agency = agency!,
            Purpose = purpose!,
            Handlaggare = handlaggare!,
            AgencyReference = reference!,
            ReceivedOn = receivedOn,
            CreatedAt = now,
            CreatedBy = context.Actor,
        };

        // Only codes and ids leave the service: no purpose, no handläggare, and no id for skyddade personuppgifter.
        var received = new ReferralReceived(referral.Id, participant.DownstreamId, referral.InsatsId, referral.Agency, referral.ReceivedOn, now);
        try
        {
            // Without a client request id every call is its own request.
            await repository.AddAsync(referral, requestId ?? $"auto:{referral.Id}", [received], cancellationToken);
        }
        catch (RequestIdTakenException) when (requestId is not null)
        {
            // A concurrent retry of the same request won the race: answer with its result.
            var raced = await repository.FindByRequestIdAsync(requestId, cancellationToken)
                ?? throw new InvalidOperationException("A request id was taken but its referral is missing.");
            return await EarlierResultAsync(context, raced, cancellationToken);
        }

        return new ReferralView(referral, 0);
    }

    /// <summary>
    /// The first result of a retried request, as it stands now. Only for a caller who may read it: a request id
    /// someone else used must not become a way to read their referral.
    /// </summary>
    private async Task<ReferralView> EarlierResultAsync(AccessContext context, Referral earlier, CancellationToken cancellationToken)
    {
        var participant = await participants.LoadAsync(earlier.ParticipantId, cancellationToken);
        if (access.ReadDenial(context.Caller, earlier, participant) is not null)
        {
            throw new AlreadyExistsException(ReasonRequestIdTaken, "request_id har redan använts för en annan begäran.");
        }

        await access.EnsureMayReadAsync(context, earlier, participant, cancellationToken);
        return await queue.ViewAsync(earlier, cancellationToken);
    }

    /// <summary>
    /// One referral per person and insats at a time: a second one while the first waits, or while its stay
    /// runs, would hold a second place or a second spot in the queue for the same person.
    /// </summary>
    private async Task<bool> HasOpenReferralAsync(string participantId, string insatsId, CancellationToken cancellationToken)
    {
        foreach (var earlier in await repository.ListForParticipantAsync(participantId, cancellationToken))
        {
            if (earlier.InsatsId == insatsId
                && (earlier.IsOpen || (earlier.HoldsPlace && await stays.StayOfAsync(earlier.Id, cancellationToken) != ReferralStay.Ended)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An agency system refers as its own agency unless it names one; whether it may name another is an access decision, made later.</summary>
    private static string? ValidateAgency(Caller caller, string? requested, List<FieldViolation> violations)
    {
        var agency = requested?.Trim() ?? "";
        if (agency.Length == 0)
        {
            if (caller.Role == Roles.AgencySystem && caller.Agency is not null)
            {
                return caller.Agency;
            }

            violations.Add(new FieldViolation("agency", "Remitterande aktör saknas: välj fk, af, kommun, region eller annan."));
            return null;
        }

        if (!Agencies.IsKnown(agency))
        {
            violations.Add(new FieldViolation("agency", $"Okänd aktör \"{EchoedInput.Shorten(agency)}\": välj fk, af, kommun, region eller annan."));
            return null;
        }

        return agency;
    }
}
