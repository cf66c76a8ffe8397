using Finsam.IntegrationEvents;
using Finsam.Participants.Application.Referrals;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Outbox;
using Finsam.Platform.Storage;
using static Finsam.Participants.Infrastructure.DocumentMapping;
using static Finsam.Platform.Time.IsoDates;

namespace Finsam.Participants.Infrastructure;

/// <summary>The referral repository on the platform's document store (LiteDB or MongoDB).</summary>
public sealed class DocumentReferralRepository(IDocumentStore store, OutboxSignal outboxSignal) : IReferralRepository
{
    private readonly IDocumentCollection<ReferralDocument> _referrals = store.Collection<ReferralDocument>(ReferralDocument.CollectionName);
    private readonly OutboxWrites<ReferralDocument> _writes = new(store.Collection<ReferralDocument>(ReferralDocument.CollectionName), outboxSignal);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var referrals = store.Collection<ReferralDocument>(ReferralDocument.CollectionName);
        await referrals.EnsureIndexAsync(nameof(ReferralDocument.RequestId), unique: true, cancellationToken);
        await referrals.EnsureIndexAsync(nameof(ReferralDocument.InsatsId), unique: false, cancellationToken);
        await referrals.EnsureIndexAsync(nameof(ReferralDocument.ParticipantId), unique: false, cancellationToken);
        await referrals.EnsureIndexAsync(nameof(ReferralDocument.OutboxPending), unique: false, cancellationToken);
    }

    public async Task AddAsync(Referral referral, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken) =>
        referral.Version = await _writes.InsertWithEventsAsync(
            ToDocument(referral, new ReferralDocument { RequestId = requestId }),
            events,
            duplicate => duplicate.Index == nameof(ReferralDocument.RequestId) ? new RequestIdTakenException() : null,
            cancellationToken);

    public async Task SaveAsync(Referral referral, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken) =>
        referral.Version = await _writes.ReplaceWithEventsAsync(
            referral.Id, referral.Version, stored => ToDocument(referral, stored), events, Conflict, cancellationToken);

    public async Task<Referral?> GetAsync(string referralId, CancellationToken cancellationToken) =>
        ToDomain(await _referrals.GetAsync(referralId, cancellationToken));

    public async Task<Referral?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken) =>
        ToDomain((await _referrals.FindAsync(r => r.RequestId == requestId, 1, cancellationToken)).FirstOrDefault());

    public async Task<IReadOnlyList<Referral>> ListForParticipantAsync(string participantId, CancellationToken cancellationToken) =>
        (await _referrals.FindAsync(r => r.ParticipantId == participantId, cancellationToken: cancellationToken))
            .OrderBy(r => r.Id, StringComparer.Ordinal) // v7 ids are time-ordered
            .Select(d => ToDomain(d)!)
            .ToList();

    public async Task<IReadOnlyList<Referral>> ListForInsatsAsync(string insatsId, string status, CancellationToken cancellationToken) =>
        (await _referrals.FindAsync(r => r.InsatsId == insatsId && r.Status == status, cancellationToken: cancellationToken))
            .Select(d => ToDomain(d)!)
            .ToList();

    private static ConcurrencyConflictException Conflict() =>
        new(ReferralTransitions.ReasonChanged, "Remissen har ändrats av någon annan. Läs om och försök igen.");

    private static ReferralDocument ToDocument(Referral referral, ReferralDocument document)
    {
        document.Id = referral.Id;
        document.ParticipantId = referral.ParticipantId;
        document.InsatsId = referral.InsatsId;
        document.Agency = referral.Agency;
        document.Purpose = referral.Purpose;
        document.Handlaggare = referral.Handlaggare;
        document.AgencyReference = referral.AgencyReference;
        document.ReceivedOn = ToIso(referral.ReceivedOn);
        document.Status = referral.Status;
        document.QueuedAt = referral.QueuedAt;
        document.DeclineReason = referral.DeclineReason;
        document.DeclineNote = referral.DeclineNote;
        document.OverCapacity = referral.OverCapacity;
        document.DecidedAt = referral.DecidedAt;
        document.DecidedBy = referral.DecidedBy is { } by ? DocumentMapping.ToDocument(by) : null;
        document.PlaceReleased = referral.PlaceReleased;
        document.CreatedAt = referral.CreatedAt;
        document.CreatedBy = DocumentMapping.ToDocument(referral.CreatedBy);
        return document;
    }

    private static Referral? ToDomain(ReferralDocument? document)
    {
        if (document is null)
        {
            return null;
        }

        var referral = new Referral
        {
            Id = document.Id,
            ParticipantId = document.ParticipantId,
            InsatsId = document.InsatsId,
            Agency = document.Agency,
            Purpose = document.Purpose,
            Handlaggare = document.Handlaggare,
            AgencyReference = document.AgencyReference,
            ReceivedOn = FromIso(document.ReceivedOn),
            CreatedAt = Utc(document.CreatedAt),
            CreatedBy = DocumentMapping.ToDomain(document.CreatedBy),
            Version = document.Version,
        };
        referral.Restore(
            document.Status,
            document.QueuedAt is { } queuedAt ? Utc(queuedAt) : null,
            document.DeclineReason,
            document.DeclineNote,
            document.OverCapacity,
            document.DecidedAt is { } decidedAt ? Utc(decidedAt) : null,
            document.DecidedBy is { } decidedBy ? DocumentMapping.ToDomain(decidedBy) : null,
            document.PlaceReleased);
        return referral;
    }
}
