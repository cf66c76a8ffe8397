using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Referrals;

/// <summary>One referral, with its place in the queue; access-checked and logged.</summary>
public sealed class GetReferralHandler(ReferralLoader loader, ParticipantLoader participants, ReferralAccess access, ReferralQueue queue)
{
    public async Task<ReferralView> HandleAsync(AccessContext context, string? referralId, CancellationToken cancellationToken)
    {
        var referral = await loader.LoadAsync(referralId, cancellationToken);
        var participant = await participants.LoadAsync(referral.ParticipantId, cancellationToken);
        await access.EnsureMayReadAsync(context, referral, participant, cancellationToken);
        return await queue.ViewAsync(referral, cancellationToken);
    }
}

/// <param name="PageSize">0: the default (50); at most 100.</param>
/// <param name="PageToken">The next_page_token of the previous page; empty for the first.</param>
public sealed record ListParticipantReferralsQuery(string? ParticipantId, int PageSize, string? PageToken);

public sealed record ReferralPage(IReadOnlyList<ReferralView> Referrals, string? NextPageToken);

/// <summary>
/// A person's referrals, oldest first, as far as the caller may read each one (an agency without consent
/// sees its own, staff those to their insatser). Logged once for the person.
/// </summary>
public sealed class ListParticipantReferralsHandler(
    ParticipantLoader participants,
    IReferralRepository repository,
    ParticipantAccess participantAccess,
    ReferralAccess access,
    ReferralQueue queue)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    public async Task<ReferralPage> HandleAsync(AccessContext context, ListParticipantReferralsQuery query, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        if (query.PageSize is < 0 or > MaxPageSize)
        {
            violations.Add(new FieldViolation("page_size", $"page_size ska vara mellan 0 och {MaxPageSize}."));
        }

        if (query.PageToken is { Length: > 64 })
        {
            violations.Add(new FieldViolation("page_token", "page_token är ogiltig."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        var participant = await participants.LoadAsync(query.ParticipantId, cancellationToken);
        var all = await repository.ListForParticipantAsync(participant.Id, cancellationToken);
        var visible = all.Where(r => access.ReadDenial(context.Caller, r, participant) is null).ToList();
        if (visible.Count == 0)
        {
            // Nothing of theirs to show: learning even that the list is empty needs access to the person.
            await participantAccess.EnsureMayAccessAsync(context, participant, AccessActions.ReadReferral, cancellationToken);
        }
        else
        {
            await access.RecordReadAsync(context, participant.Id, cancellationToken);
        }

        // Ids are time-ordered (v7), so the token is simply the last id shown.
        var size = query.PageSize == 0 ? DefaultPageSize : query.PageSize;
        var after = string.IsNullOrEmpty(query.PageToken) ? visible : visible.Where(r => string.CompareOrdinal(r.Id, query.PageToken) > 0).ToList();
        var page = after.Take(size).ToList();
        var next = after.Count > size ? page[^1].Id : null;
        return new ReferralPage(await queue.ViewAllAsync(page, cancellationToken), next);
    }
}
