namespace Finsam.Participants.Application.Access;

/// <summary>
/// Which insatser a person is tied to (by a referral or an enrolment). Staff may work with a person's
/// data only in their own insatser; each feature that ties people to insatser registers one source.
/// </summary>
public interface IInsatsLinkSource
{
    Task<IReadOnlyCollection<string>> InsatserOfAsync(string participantId, CancellationToken cancellationToken);
}
