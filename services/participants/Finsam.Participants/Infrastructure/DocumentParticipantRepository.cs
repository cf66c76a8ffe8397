using Finsam.IntegrationEvents;
using Finsam.Participants.Application;
using Finsam.Participants.Domain;
using Finsam.Platform.Outbox;
using Finsam.Platform.Storage;

namespace Finsam.Participants.Infrastructure;

/// <summary>The participant repository on the platform's document store (LiteDB or MongoDB).</summary>
public sealed class DocumentParticipantRepository(IDocumentStore store, OutboxSignal outboxSignal) : IParticipantRepository
{
    private readonly IDocumentCollection<ParticipantDocument> _participants = store.Collection<ParticipantDocument>(ParticipantDocument.CollectionName);

    /// <summary>Unique indexes that make duplicates impossible rather than merely checked for.</summary>
    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var participants = store.Collection<ParticipantDocument>(ParticipantDocument.CollectionName);
        await participants.EnsureIndexAsync(nameof(ParticipantDocument.Personnummer), unique: true, cancellationToken);
        await participants.EnsureIndexAsync(nameof(ParticipantDocument.RequestId), unique: true, cancellationToken);
        await participants.EnsureIndexAsync(nameof(ParticipantDocument.OutboxPending), unique: false, cancellationToken);
    }

    public async Task AddAsync(Participant participant, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        var document = new ParticipantDocument
        {
            Id = participant.Id,
            Personnummer = participant.Personnummer.Value,
            GivenName = participant.Name.Given,
            FamilyName = participant.Name.Family,
            Gender = RegisterParticipantHandler.ToEventGender(participant.Gender),
            BirthYear = participant.BirthYear,
            IsSamordningsnummer = participant.Personnummer.IsSamordningsnummer,
            RegisteredAt = participant.RegisteredAt,
            RequestId = requestId,
        };
        foreach (var integrationEvent in events)
        {
            document.Enqueue(integrationEvent);
        }

        try
        {
            await _participants.InsertAsync(document, cancellationToken);
        }
        catch (DuplicateKeyException ex) when (ex.Index == nameof(ParticipantDocument.Personnummer))
        {
            throw new PersonnummerTakenException();
        }
        catch (DuplicateKeyException ex) when (ex.Index == nameof(ParticipantDocument.RequestId))
        {
            throw new RequestIdTakenException();
        }

        outboxSignal.Notify();
    }

    public async Task<Participant?> GetAsync(string participantId, CancellationToken cancellationToken) =>
        ToDomain(await _participants.GetAsync(participantId, cancellationToken));

    public async Task<Participant?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken)
    {
        var found = await _participants.FindAsync(p => p.RequestId == requestId, 1, cancellationToken);
        return ToDomain(found.FirstOrDefault());
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) => _participants.CountAsync(null, cancellationToken);

    private static Participant? ToDomain(ParticipantDocument? document) => document is null
        ? null
        : new Participant(
            document.Id,
            Personnummer.Restore(document.Personnummer),
            new PersonName(document.GivenName, document.FamilyName),
            document.Gender switch
            {
                "woman" => Gender.Woman,
                "man" => Gender.Man,
                _ => Gender.Other,
            },
            DateTime.SpecifyKind(document.RegisteredAt.ToUniversalTime(), DateTimeKind.Utc));
}
