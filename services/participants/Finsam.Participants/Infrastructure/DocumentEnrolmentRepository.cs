using Finsam.IntegrationEvents;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Application.Referrals;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Outbox;
using Finsam.Platform.Storage;

namespace Finsam.Participants.Infrastructure;

/// <summary>
/// The enrolment repository on the platform's document store (LiteDB or MongoDB); it also answers the
/// referrals' question which stay came of a referral.
/// </summary>
public sealed class DocumentEnrolmentRepository(IDocumentStore store, OutboxSignal outboxSignal) : IEnrolmentRepository, IReferralStays
{
    private readonly IDocumentCollection<EnrolmentDocument> _enrolments = store.Collection<EnrolmentDocument>(EnrolmentDocument.CollectionName);
    private readonly OutboxWrites<EnrolmentDocument> _writes = new(store.Collection<EnrolmentDocument>(EnrolmentDocument.CollectionName), outboxSignal);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var enrolments = store.Collection<EnrolmentDocument>(EnrolmentDocument.CollectionName);
        await enrolments.EnsureIndexAsync(nameof(EnrolmentDocument.ActiveKey), unique: true, cancellationToken);
        await enrolments.EnsureIndexAsync(nameof(EnrolmentDocument.RequestId), unique: true, cancellationToken);
        await FillReferralKeysAsync(enrolments, cancellationToken);
        await enrolments.EnsureIndexAsync(nameof(EnrolmentDocument.ReferralKey), unique: true, cancellationToken);
        await enrolments.EnsureIndexAsync(nameof(EnrolmentDocument.ParticipantId), unique: false, cancellationToken);
        await enrolments.EnsureIndexAsync(nameof(EnrolmentDocument.InsatsId), unique: false, cancellationToken);
        await enrolments.EnsureIndexAsync(nameof(EnrolmentDocument.OutboxPending), unique: false, cancellationToken);
    }

    /// <summary>The unique key that holds the person's one active slot in the insats while the stay runs.</summary>
    public static string ActiveKeyOf(Enrolment enrolment) => enrolment switch
    {
        { IsEnded: true } => $"ended:{enrolment.Id}",
        { ParticipantId: null } => $"anon:{enrolment.Id}",
        _ => $"{enrolment.ParticipantId}|{enrolment.InsatsId}",
    };

    /// <summary>The unique key that lets one referral start at most one stay.</summary>
    public static string ReferralKeyOf(string? referralId, string enrolmentId) => referralId ?? $"none:{enrolmentId}";

    /// <summary>
    /// Stays stored before the referral key existed get theirs before the unique index is built (an index over
    /// many empty keys would fail). Should one referral already have started two stays, the later one is keyed
    /// as without a referral, so the service still starts; its ReferralId is kept.
    /// </summary>
    private static async Task FillReferralKeysAsync(IDocumentCollection<EnrolmentDocument> enrolments, CancellationToken cancellationToken)
    {
        var missing = await enrolments.FindAsync(e => e.ReferralKey == null || e.ReferralKey == "", cancellationToken: cancellationToken);
        foreach (var document in missing.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            var key = ReferralKeyOf(document.ReferralId, document.Id);
            if (document.ReferralId is not null && (await enrolments.CountAsync(e => e.ReferralKey == key, cancellationToken)) > 0)
            {
                key = ReferralKeyOf(null, document.Id);
            }

            document.ReferralKey = key;
            await enrolments.ReplaceAsync(document, document.Version, cancellationToken);
        }
    }

    public async Task AddAsync(Enrolment enrolment, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken) =>
        enrolment.Version = await _writes.InsertWithEventsAsync(
            EnrolmentDocumentMapping.ToDocument(enrolment, new EnrolmentDocument { RequestId = requestId }),
            events,
            duplicate => duplicate.Index switch
            {
                nameof(EnrolmentDocument.ActiveKey) => new EnrolmentAlreadyActiveException(),
                nameof(EnrolmentDocument.RequestId) => new EnrolmentRequestIdTakenException(),
                nameof(EnrolmentDocument.ReferralKey) => new EnrolmentReferralUsedException(),
                _ => null,
            },
            cancellationToken);

    public async Task SaveAsync(Enrolment enrolment, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken) =>
        enrolment.Version = await _writes.ReplaceWithEventsAsync(
            enrolment.Id, enrolment.Version, stored => EnrolmentDocumentMapping.ToDocument(enrolment, stored), events, Conflict, cancellationToken);

    public async Task<Enrolment?> GetAsync(string enrolmentId, CancellationToken cancellationToken) =>
        EnrolmentDocumentMapping.ToDomain(await _enrolments.GetAsync(enrolmentId, cancellationToken));

    public async Task<Enrolment?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken) =>
        EnrolmentDocumentMapping.ToDomain((await _enrolments.FindAsync(e => e.RequestId == requestId, 1, cancellationToken)).FirstOrDefault());

    public async Task<IReadOnlyList<Enrolment>> ListForParticipantAsync(string participantId, CancellationToken cancellationToken) =>
        (await _enrolments.FindAsync(e => e.ParticipantId == participantId, cancellationToken: cancellationToken))
            .OrderBy(e => e.Id, StringComparer.Ordinal) // v7 ids are time-ordered
            .Select(e => EnrolmentDocumentMapping.ToDomain(e)!)
            .ToList();

    public async Task<IReadOnlyList<Enrolment>> ListActiveInInsatsAsync(string insatsId, CancellationToken cancellationToken) =>
        (await _enrolments.FindAsync(e => e.InsatsId == insatsId && e.Ending == null, cancellationToken: cancellationToken))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => EnrolmentDocumentMapping.ToDomain(e)!)
            .ToList();

    public async Task<ReferralStay> StayOfAsync(string referralId, CancellationToken cancellationToken) =>
        (await _enrolments.FindAsync(e => e.ReferralKey == referralId, 1, cancellationToken)).FirstOrDefault() switch
        {
            null => ReferralStay.None,
            { Ending: null } => ReferralStay.Running,
            _ => ReferralStay.Ended,
        };

    private static ConcurrencyConflictException Conflict() =>
        new(EnrolmentAccess.ReasonChanged, "Inskrivningen har ändrats av någon annan. Läs om och försök igen.");
}
