using Finsam.IntegrationEvents;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Outbox;
using Finsam.Platform.Storage;
using static Finsam.Participants.Infrastructure.DocumentMapping;
using static Finsam.Platform.Time.IsoDates;

namespace Finsam.Participants.Infrastructure;

/// <summary>The participant repository on the platform's document store (LiteDB or MongoDB).</summary>
public sealed class DocumentParticipantRepository(IDocumentStore store, OutboxSignal outboxSignal) : IParticipantRepository
{
    public const string ReasonConflict = "PARTICIPANT_CHANGED";
    private const string RemovedPrefix = "removed:";

    private readonly IDocumentCollection<ParticipantDocument> _participants = store.Collection<ParticipantDocument>(ParticipantDocument.CollectionName);
    private readonly OutboxWrites<ParticipantDocument> _writes = new(store.Collection<ParticipantDocument>(ParticipantDocument.CollectionName), outboxSignal);

    /// <summary>Unique indexes that make duplicates impossible rather than merely checked for.</summary>
    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var participants = store.Collection<ParticipantDocument>(ParticipantDocument.CollectionName);
        await participants.EnsureIndexAsync(nameof(ParticipantDocument.Personnummer), unique: true, cancellationToken);
        await participants.EnsureIndexAsync(nameof(ParticipantDocument.RequestId), unique: true, cancellationToken);
        await participants.EnsureIndexAsync(nameof(ParticipantDocument.OutboxPending), unique: false, cancellationToken);
    }

    public async Task AddAsync(Participant participant, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken) =>
        participant.Version = await _writes.InsertWithEventsAsync(
            ToDocument(participant, new ParticipantDocument { RequestId = requestId }),
            events,
            duplicate => duplicate.Index switch
            {
                nameof(ParticipantDocument.Personnummer) => new PersonnummerTakenException(),
                nameof(ParticipantDocument.RequestId) => new RequestIdTakenException(),
                _ => null,
            },
            cancellationToken);

    public async Task SaveAsync(Participant participant, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken) =>
        participant.Version = await _writes.ReplaceWithEventsAsync(
            participant.Id, participant.Version, stored => ToDocument(participant, stored), events, Conflict, cancellationToken);

    public async Task<Participant?> GetAsync(string participantId, CancellationToken cancellationToken) =>
        ToDomain(await _participants.GetAsync(participantId, cancellationToken));

    public async Task<Participant?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken)
    {
        var found = await _participants.FindAsync(p => p.RequestId == requestId, 1, cancellationToken);
        return ToDomain(found.FirstOrDefault());
    }

    public async Task<Participant?> FindByPersonnummerAsync(string personnummer, CancellationToken cancellationToken)
    {
        var found = await _participants.FindAsync(p => p.Personnummer == personnummer, 1, cancellationToken);
        return ToDomain(found.FirstOrDefault());
    }

    public async Task<IReadOnlyList<Participant>> ListAfterAsync(string? afterId, int limit, CancellationToken cancellationToken) =>
        (await _participants.ListAfterAsync(afterId, limit, cancellationToken)).Select(d => ToDomain(d)!).ToList();

    public Task<long> CountAsync(CancellationToken cancellationToken) => _participants.CountAsync(null, cancellationToken);

    private static ConcurrencyConflictException Conflict() =>
        new(ReasonConflict, "Deltagaren har ändrats av någon annan. Läs om och försök igen.");

    private static ParticipantDocument ToDocument(Participant participant, ParticipantDocument document)
    {
        document.Id = participant.Id;
        document.Personnummer = participant.Personnummer?.Value ?? RemovedPrefix + participant.Id;
        document.GivenName = participant.Name?.Given ?? "";
        document.FamilyName = participant.Name?.Family ?? "";
        document.Gender = ToCode(participant.Gender);
        document.BirthYear = participant.BirthYear;
        document.IsSamordningsnummer = participant.IsSamordningsnummer;
        document.ProtectedIdentity = participant.ProtectedIdentity;
        document.RegisteredAt = participant.RegisteredAt;
        document.RegisteredBy = DocumentMapping.ToDocument(participant.RegisteredBy);
        document.Consents = participant.Consents.Select(c => new ConsentDocument
        {
            Id = c.Id,
            Agencies = [.. c.Agencies],
            GivenOn = ToIso(c.GivenOn),
            WithdrawnOn = c.WithdrawnOn is { } withdrawn ? ToIso(withdrawn) : null,
            RecordedBy = DocumentMapping.ToDocument(c.RecordedBy),
            RecordedAt = c.RecordedAt,
            RequestId = c.RequestId,
        }).ToList();
        document.Corrections = participant.Corrections.Select(DocumentMapping.ToDocument).ToList();
        document.IdentityRemovedAt = participant.IdentityRemovedAt;
        return document;
    }

    private static Participant? ToDomain(ParticipantDocument? document)
    {
        if (document is null)
        {
            return null;
        }

        var removed = document.IdentityRemovedAt is not null;
        return new Participant
        {
            Id = document.Id,
            Personnummer = removed ? null : Domain.Personnummer.Restore(document.Personnummer),
            Name = removed ? null : new PersonName(document.GivenName, document.FamilyName),
            Gender = GenderFromCode(document.Gender),
            BirthYear = document.BirthYear,
            IsSamordningsnummer = document.IsSamordningsnummer,
            ProtectedIdentity = document.ProtectedIdentity,
            RegisteredAt = Utc(document.RegisteredAt),
            RegisteredBy = DocumentMapping.ToDomain(document.RegisteredBy),
            Consents = document.Consents.Select(c => new Consent
            {
                Id = c.Id,
                Agencies = c.Agencies,
                GivenOn = FromIso(c.GivenOn),
                WithdrawnOn = FromIsoOrNull(c.WithdrawnOn),
                RecordedBy = DocumentMapping.ToDomain(c.RecordedBy),
                RecordedAt = Utc(c.RecordedAt),
                RequestId = c.RequestId,
            }).ToList(),
            Corrections = document.Corrections.Select(DocumentMapping.ToDomain).ToList(),
            IdentityRemovedAt = document.IdentityRemovedAt is { } at ? Utc(at) : null,
            Version = document.Version,
        };
    }
}
