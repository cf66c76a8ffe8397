using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Ids;
using Finsam.Platform.Security;
using Finsam.Platform.Time;
using Finsam.Platform.Validation;

namespace Finsam.Participants.Application.Consents;

public sealed record GiveConsentCommand(string? ParticipantId, IReadOnlyList<string> Agencies, DateOnly? GivenOn, string? RequestId = null);

public sealed record WithdrawConsentCommand(string? ParticipantId, string? ConsentId, DateOnly? WithdrawnOn);

/// <summary>
/// Samtycke: given for named agencies from a date, withdrawable, never deleted. Each change is one write of
/// the participant with its event.
/// </summary>
public sealed class ConsentHandlers(ParticipantLoader loader, ParticipantAccess access, IParticipantRepository repository, TimeProvider clock)
{
    public const string ReasonConsentNotFound = "CONSENT_NOT_FOUND";
    public const string ReasonAlreadyWithdrawn = "CONSENT_ALREADY_WITHDRAWN";

    public async Task<Consent> GiveAsync(AccessContext context, GiveConsentCommand command, CancellationToken cancellationToken)
    {
        var today = SwedishCalendar.Today(clock);
        var violations = new List<FieldViolation>();
        var requestId = RequestIds.Parse(command.RequestId, violations);
        var agencies = command.Agencies.Select(a => a.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (agencies.Count == 0)
        {
            violations.Add(new FieldViolation("agencies", "Ange minst en aktör som samtycket gäller (fk, af, kommun, region, annan)."));
        }
        else if (agencies.FirstOrDefault(a => !Agencies.IsKnown(a)) is { } unknown)
        {
            violations.Add(new FieldViolation("agencies", $"Okänd aktör \"{EchoedInput.Shorten(unknown)}\": välj bland fk, af, kommun, region, annan."));
        }

        if (command.GivenOn is null)
        {
            violations.Add(new FieldViolation("given_on", "Datum för samtycket saknas."));
        }
        else if (command.GivenOn > today)
        {
            violations.Add(new FieldViolation("given_on", "Samtycket kan inte vara givet i framtiden."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        var participant = await loader.LoadAsync(command.ParticipantId, cancellationToken);
        EnsureMayRecordConsent(context);
        await access.EnsureMayAccessAsync(context, participant, AccessActions.GiveConsent, cancellationToken);
        if (requestId is not null && participant.Consents.FirstOrDefault(c => c.RequestId == requestId) is { } earlier)
        {
            // A retry: the consent is recorded already (a concurrent retry loses on the version check instead).
            return earlier;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var consent = new Consent
        {
            Id = SequentialIds.Next(),
            Agencies = agencies,
            GivenOn = command.GivenOn!.Value,
            RecordedBy = context.Actor,
            RecordedAt = now,
            RequestId = requestId,
        };
        participant.Consents.Add(consent);
        await repository.SaveAsync(participant, [new ConsentGiven(consent.Id, participant.DownstreamId, agencies, consent.GivenOn, now)], cancellationToken);
        return consent;
    }

    public async Task<Consent> WithdrawAsync(AccessContext context, WithdrawConsentCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var participantId = Ids.Validate(command.ParticipantId, "participant_id", "Deltagar-id", required: true, violations);
        var consentId = Ids.Validate(command.ConsentId, "consent_id", "Samtyckets id", required: true, violations);
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        var participant = await loader.LoadAsync(participantId, cancellationToken);
        EnsureMayRecordConsent(context);
        await access.EnsureMayAccessAsync(context, participant, AccessActions.WithdrawConsent, cancellationToken);
        var consent = participant.Consents.FirstOrDefault(c => c.Id == consentId)
            ?? throw new NotFoundException(ReasonConsentNotFound, "Samtycket finns inte för den här deltagaren.");
        if (consent.WithdrawnOn is not null)
        {
            throw new PreconditionFailedException(ReasonAlreadyWithdrawn, "Samtycket är redan återkallat.");
        }

        var today = SwedishCalendar.Today(clock);
        var withdrawnOn = command.WithdrawnOn ?? today;
        if (withdrawnOn > today || withdrawnOn < consent.GivenOn)
        {
            throw new ValidationFailedException([new FieldViolation("withdrawn_on", "Datum för återkallelse ska ligga mellan samtyckets datum och i dag.")]);
        }

        consent.WithdrawnOn = withdrawnOn;
        var now = clock.GetUtcNow().UtcDateTime;
        await repository.SaveAsync(participant, [new ConsentWithdrawn(consent.Id, participant.DownstreamId, withdrawnOn, now)], cancellationToken);
        return consent;
    }

    public async Task<(Participant Participant, IReadOnlyList<Consent> Consents)> ListAsync(AccessContext context, string? participantId, CancellationToken cancellationToken)
    {
        var participant = await loader.LoadAsync(participantId, cancellationToken);
        await access.EnsureMayAccessAsync(context, participant, AccessActions.ReadConsents, cancellationToken);
        return (participant, participant.Consents);
    }

    /// <summary>
    /// Consent is given to the insats' staff at intake and recorded by them (or an administrator). An agency
    /// system may not record it: it would be granting itself access to the other agencies' information.
    /// </summary>
    private static void EnsureMayRecordConsent(AccessContext context)
    {
        if (context.Caller.Role is not (Roles.Samordnare or Roles.Deltagaransvarig or Roles.Administrator))
        {
            throw new PermissionDeniedException(
                ParticipantAccess.ReasonRoleNotAllowed, "Samtycke registreras av insatsens personal, inte av ett myndighetssystem eller rollen " + context.Caller.Role + ".");
        }
    }
}
