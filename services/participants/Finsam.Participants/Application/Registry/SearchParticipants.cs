using Finsam.Participants.Application.Access;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Time;

namespace Finsam.Participants.Application.Registry;

/// <summary>
/// Finds a person by personnummer, for the roles that register and refer people. A person with skyddade
/// personuppgifter is found only by the registering role; for others the search comes back empty, and the
/// attempt is logged as denied.
/// </summary>
public sealed class SearchParticipantsHandler(IParticipantRepository repository, IAccessLog log, TimeProvider clock)
{
    public async Task<IReadOnlyList<Participant>> HandleAsync(AccessContext context, string? personnummer, CancellationToken cancellationToken)
    {
        ParticipantAccess.EnsureMayRegister(context.Caller);
        var parsed = Domain.Personnummer.Parse(personnummer, SwedishCalendar.Today(clock));
        if (!parsed.IsValid)
        {
            throw new ValidationFailedException([new FieldViolation("personnummer", parsed.Error!)]);
        }

        var found = await repository.FindByPersonnummerAsync(parsed.Value!.Value, cancellationToken);
        if (found is null)
        {
            return [];
        }

        var visible = !found.ProtectedIdentity || ParticipantAccess.IsRegisteringRole(context.Caller, found);
        await log.RecordAsync(context, AccessActions.Search, found.Id, visible ? AccessOutcome.Allowed : AccessOutcome.Denied, cancellationToken);
        return visible ? [found] : [];
    }
}
