using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Time;

namespace Finsam.Participants.Application.Registry;

/// <summary>The input of a registration, already unpacked from the API's request.</summary>
public sealed record RegisterParticipantCommand(
    string? RequestId,
    string? Personnummer,
    string? GivenName,
    string? FamilyName,
    Gender? Gender,
    bool ProtectedIdentity = false);

/// <summary>
/// Registers a person: validates every field (all violations at once), stores the participant with its
/// ParticipantRegistered event in one write, and answers a retried request with the first result.
/// </summary>
public sealed class RegisterParticipantHandler(IParticipantRepository repository, IAccessLog accessLog, TimeProvider clock)
{
    public const string ReasonPersonnummerTaken = "PERSONNUMMER_ALREADY_REGISTERED";
    public const string ReasonRequestIdTaken = "REQUEST_ID_TAKEN";

    public async Task<Participant> HandleAsync(AccessContext context, RegisterParticipantCommand command, CancellationToken cancellationToken)
    {
        ParticipantAccess.EnsureMayRegister(context.Caller);
        var now = clock.GetUtcNow().UtcDateTime;
        var violations = new List<FieldViolation>();

        var requestId = RequestIds.Parse(command.RequestId, violations);

        var personnummer = Domain.Personnummer.Parse(command.Personnummer, SwedishCalendar.Today(clock));
        if (!personnummer.IsValid)
        {
            violations.Add(new FieldViolation("personnummer", personnummer.Error!));
        }

        var given = PersonNames.Validate(command.GivenName, "given_name", "Förnamn", violations);
        var family = PersonNames.Validate(command.FamilyName, "family_name", "Efternamn", violations);
        if (command.Gender is null)
        {
            violations.Add(new FieldViolation("gender", "Kön saknas: ange kvinna, man eller annat."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        if (requestId is not null && await repository.FindByRequestIdAsync(requestId, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(context, earlier, personnummer.Value!, cancellationToken);
        }

        var participant = new Participant
        {
            Id = Participant.NewId(),
            Personnummer = personnummer.Value!,
            Name = new PersonName(given!, family!),
            Gender = command.Gender!.Value,
            BirthYear = personnummer.Value!.BirthDate.Year,
            IsSamordningsnummer = personnummer.Value!.IsSamordningsnummer,
            ProtectedIdentity = command.ProtectedIdentity,
            RegisteredAt = now,
            RegisteredBy = context.Actor,
        };

        // Skyddade personuppgifter: nothing about the person leaves the service, not even the registration.
        var events = participant.ProtectedIdentity
            ? []
            : new[] { new ParticipantRegistered(participant.Id, ToEventGender(participant.Gender), participant.BirthYear, now) };
        try
        {
            // Without a client request id every call is its own request.
            await repository.AddAsync(participant, requestId ?? $"auto:{participant.Id}", events, cancellationToken);
        }
        catch (RequestIdTakenException) when (requestId is not null)
        {
            // A concurrent retry of the same request won the race: answer with its result.
            var raced = await repository.FindByRequestIdAsync(requestId, cancellationToken)
                ?? throw new InvalidOperationException("A request id was taken but its participant is missing.");
            return await ReplayAsync(context, raced, personnummer.Value!, cancellationToken);
        }
        catch (PersonnummerTakenException)
        {
            if (requestId is not null && await repository.FindByRequestIdAsync(requestId, cancellationToken) is { } raced)
            {
                return await ReplayAsync(context, raced, personnummer.Value!, cancellationToken);
            }

            throw new AlreadyExistsException(ReasonPersonnummerTaken, "Personnumret är redan registrerat.");
        }

        await accessLog.RecordAsync(context, AccessActions.Register, participant.Id, AccessOutcome.Allowed, cancellationToken);
        return participant;
    }

    /// <summary>
    /// A retry gets the first result only if it is the same request: the same caller registering the same
    /// number. Otherwise a request id someone else used would be a way to look up their registration.
    /// </summary>
    private async Task<Participant> ReplayAsync(AccessContext context, Participant earlier, Domain.Personnummer personnummer, CancellationToken cancellationToken)
    {
        if (earlier.RegisteredBy.Subject != context.Caller.Subject || earlier.Personnummer?.Value != personnummer.Value)
        {
            throw new AlreadyExistsException(ReasonRequestIdTaken, "request_id har redan använts för en annan begäran.");
        }

        await accessLog.RecordAsync(context, AccessActions.Register, earlier.Id, AccessOutcome.Allowed, cancellationToken);
        return earlier;
    }

    public static string ToEventGender(Gender gender) => gender switch
    {
        Gender.Woman => ParticipantGenders.Woman,
        Gender.Man => ParticipantGenders.Man,
        _ => ParticipantGenders.Other,
    };
}
