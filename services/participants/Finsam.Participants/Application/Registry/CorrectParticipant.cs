using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Validation;

namespace Finsam.Participants.Application.Registry;

/// <param name="Gender">Null keeps the current gender.</param>
public sealed record CorrectParticipantCommand(string? ParticipantId, string? Etag, string? GivenName, string? FamilyName, Gender? Gender, string? Reason);

/// <summary>Corrects name or gender. The earlier value, who, when and why go into the history; nothing is overwritten silently.</summary>
public sealed class CorrectParticipantHandler(ParticipantLoader loader, ParticipantAccess access, IParticipantRepository repository, TimeProvider clock)
{
    public const string ReasonChanged = "PARTICIPANT_CHANGED";

    public async Task<Participant> HandleAsync(AccessContext context, CorrectParticipantCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var etag = Etags.Parse(command.Etag, violations);
        var reason = CorrectionReasons.Validate(command.Reason, violations);
        var given = string.IsNullOrEmpty(command.GivenName) ? null : PersonNames.Validate(command.GivenName, "given_name", "Förnamn", violations);
        var family = string.IsNullOrEmpty(command.FamilyName) ? null : PersonNames.Validate(command.FamilyName, "family_name", "Efternamn", violations);
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        var participant = await loader.LoadAsync(command.ParticipantId, cancellationToken);
        await access.EnsureMayCorrectAsync(context, participant, cancellationToken);
        Etags.EnsureCurrent(etag!.Value, participant.Version, ReasonChanged, "Deltagaren");
        if (participant.IdentityRemovedAt is not null)
        {
            throw new PreconditionFailedException(GetParticipantIdentityHandler.ReasonIdentityRemoved, "Identitetsuppgifterna är gallrade och kan inte rättas.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = participant.Corrections.Count;
        if (given is not null && given != participant.Name!.Given)
        {
            participant.Corrections.Add(new Correction("given_name", participant.Name.Given, given, context.Actor, now, reason!));
            participant.Name = participant.Name with { Given = given };
        }

        if (family is not null && family != participant.Name!.Family)
        {
            participant.Corrections.Add(new Correction("family_name", participant.Name.Family, family, context.Actor, now, reason!));
            participant.Name = participant.Name with { Family = family };
        }

        var events = new List<IIntegrationEvent>();
        if (command.Gender is { } gender && gender != participant.Gender)
        {
            participant.Corrections.Add(new Correction(
                "gender", RegisterParticipantHandler.ToEventGender(participant.Gender), RegisterParticipantHandler.ToEventGender(gender), context.Actor, now, reason!));
            participant.Gender = gender;
            if (participant.DownstreamId is { } id)
            {
                events.Add(new ParticipantCorrected(id, RegisterParticipantHandler.ToEventGender(gender), participant.BirthYear, now));
            }
        }

        if (participant.Corrections.Count == before)
        {
            // Nothing differs: no write, no history line.
            return participant;
        }

        await repository.SaveAsync(participant, events, cancellationToken);
        return participant;
    }
}

/// <summary>Why a registered fact was corrected: required, may span lines, kept in the history (never in events).</summary>
public static class CorrectionReasons
{
    public static string? Validate(string? value, List<FieldViolation> violations) =>
        FreeText.Validate(value, "reason", "Skälet till rättelsen", Correction.MaxReasonLength, required: true, multiline: true, violations);
}

/// <summary>All corrections of the person's registered facts, oldest first. Contains names, so identity rules apply.</summary>
public sealed class GetParticipantHistoryHandler(ParticipantLoader loader, ParticipantAccess access)
{
    public async Task<IReadOnlyList<Correction>> HandleAsync(AccessContext context, string? participantId, CancellationToken cancellationToken)
    {
        var participant = await loader.LoadAsync(participantId, cancellationToken);
        await access.EnsureMaySeeIdentityAsync(context, participant, AccessActions.ReadHistory, cancellationToken);
        return participant.Corrections;
    }
}
