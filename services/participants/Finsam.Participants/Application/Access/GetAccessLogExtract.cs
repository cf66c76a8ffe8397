using Finsam.Participants.Application.Registry;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.Participants.Application.Access;

/// <summary>
/// The person's extract of the access log ("who has read my data"). Produced by an administrator (or the
/// person's own staff) on the person's request; producing it is itself logged.
/// </summary>
public sealed class GetAccessLogExtractHandler(ParticipantLoader loader, ParticipantAccess access, IAccessLog log)
{
    public async Task<IReadOnlyList<AccessLogEntry>> HandleAsync(AccessContext context, string? participantId, CancellationToken cancellationToken)
    {
        var participant = await loader.LoadAsync(participantId, cancellationToken);
        if (context.Caller.Role is not (Roles.Administrator or Roles.Samordnare or Roles.Deltagaransvarig))
        {
            // An attempt at someone's log is itself an attempt at their data: logged like every other denial.
            await log.RecordAsync(context, AccessActions.ReadAccessLog, participant.Id, AccessOutcome.Denied, cancellationToken);
            throw new PermissionDeniedException(ParticipantAccess.ReasonRoleNotAllowed, $"Rollen {context.Caller.Role} får inte ta ut loggutdrag.");
        }

        await access.EnsureMayAccessAsync(context, participant, AccessActions.ReadAccessLog, cancellationToken);
        return await log.ListForParticipantAsync(participant.Id, cancellationToken);
    }
}
