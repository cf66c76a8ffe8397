using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application;

/// <summary>The input of a registration, already unpacked from the API's request.</summary>
public sealed record RegisterParticipantCommand(
    string? RequestId,
    string? Personnummer,
    string? GivenName,
    string? FamilyName,
    Gender? Gender);

/// <summary>
/// Registers a person: validates every field (all violations at once), stores the participant with its
/// ParticipantRegistered event in one write, and answers a retried request with the first result.
/// </summary>
public sealed class RegisterParticipantHandler(IParticipantRepository repository, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const string ReasonPersonnummerTaken = "PERSONNUMMER_ALREADY_REGISTERED";

    public async Task<Participant> HandleAsync(RegisterParticipantCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var violations = new List<FieldViolation>();

        var requestId = RequestIds.Parse(command.RequestId, violations);

        var personnummer = Domain.Personnummer.Parse(command.Personnummer, DateOnly.FromDateTime(SwedishToday(now)));
        if (!personnummer.IsValid)
        {
            violations.Add(new FieldViolation("personnummer", personnummer.Error!));
        }

        var given = ValidateName(command.GivenName, "given_name", "Förnamn", violations);
        var family = ValidateName(command.FamilyName, "family_name", "Efternamn", violations);
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
            return earlier;
        }

        var participant = new Participant(Participant.NewId(), personnummer.Value!, new PersonName(given!, family!), command.Gender!.Value, now);
        var registered = new ParticipantRegistered(participant.Id, ToEventGender(participant.Gender), participant.BirthYear, now);
        try
        {
            // Without a client request id every call is its own request.
            await repository.AddAsync(participant, requestId ?? $"auto:{participant.Id}", [registered], cancellationToken);
            return participant;
        }
        catch (RequestIdTakenException) when (requestId is not null)
        {
            // A concurrent retry of the same request won the race: answer with its result.
            return await repository.FindByRequestIdAsync(requestId, cancellationToken)
                ?? throw new InvalidOperationException("A request id was taken but its participant is missing.");
        }
        catch (PersonnummerTakenException)
        {
            if (requestId is not null && await repository.FindByRequestIdAsync(requestId, cancellationToken) is { } raced)
            {
                return raced;
            }

            throw new AlreadyExistsException(ReasonPersonnummerTaken, "Personnumret är redan registrerat.");
        }
    }

    public static string ToEventGender(Gender gender) => gender switch
    {
        Gender.Woman => ParticipantGenders.Woman,
        Gender.Man => ParticipantGenders.Man,
        _ => ParticipantGenders.Other,
    };

    private static string? ValidateName(string? value, string field, string label, List<FieldViolation> violations)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            violations.Add(new FieldViolation(field, $"{label} saknas."));
            return null;
        }

        if (trimmed.Length > MaxNameLength)
        {
            violations.Add(new FieldViolation(field, $"{label} får vara högst {MaxNameLength} tecken."));
            return null;
        }

        if (trimmed.Any(char.IsControl))
        {
            violations.Add(new FieldViolation(field, $"{label} innehåller otillåtna tecken."));
            return null;
        }

        return trimmed;
    }

    // A date of birth "today" is judged by the Swedish calendar day, not UTC's. Looked up once; a host
    // without tzdata falls back to Swedish standard time (UTC+1), an hour off in summer at most.
    private static readonly TimeZoneInfo Sweden =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Stockholm", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("Sweden-standard", TimeSpan.FromHours(1), "Sweden (standard time)", "CET");

    private static DateTime SwedishToday(DateTime utcNow) => TimeZoneInfo.ConvertTimeFromUtc(utcNow, Sweden);
}
