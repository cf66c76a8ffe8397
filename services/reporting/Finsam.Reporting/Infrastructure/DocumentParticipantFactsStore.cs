using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Platform.Storage;
using Finsam.Reporting.Application;
using Finsam.Reporting.Domain;

namespace Finsam.Reporting.Infrastructure;

public sealed class DocumentParticipantFactsStore(IDocumentStore store) : IParticipantFactsStore
{
    private readonly IDocumentCollection<ParticipantFactsDocument> _facts = store.Collection<ParticipantFactsDocument>(ParticipantFactsDocument.CollectionName);

    public static Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        store.Collection<ParticipantFactsDocument>(ParticipantFactsDocument.CollectionName)
            .EnsureIndexAsync(nameof(ParticipantFactsDocument.Gender), unique: false, cancellationToken);

    public Task UpsertAsync(ParticipantFacts facts, CancellationToken cancellationToken) =>
        _facts.UpsertAsync(new ParticipantFactsDocument
        {
            Id = facts.ParticipantId,
            Gender = facts.Gender,
            BirthYear = facts.BirthYear,
            RegisteredAt = facts.RegisteredAt,
        }, cancellationToken);

    public async Task<GenderSummary> SummarizeByGenderAsync(CancellationToken cancellationToken)
    {
        var women = await _facts.CountAsync(f => f.Gender == ParticipantGenders.Woman, cancellationToken);
        var men = await _facts.CountAsync(f => f.Gender == ParticipantGenders.Man, cancellationToken);
        var other = await _facts.CountAsync(f => f.Gender == ParticipantGenders.Other, cancellationToken);
        return new GenderSummary((int)women, (int)men, (int)other);
    }
}
