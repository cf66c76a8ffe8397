using Finsam.Reporting.Domain;

namespace Finsam.Reporting.Application;

/// <summary>The read-model port. Writes are keyed by participant id, so applying a fact twice changes nothing.</summary>
public interface IParticipantFactsStore
{
    Task UpsertAsync(ParticipantFacts facts, CancellationToken cancellationToken);

    Task<GenderSummary> SummarizeByGenderAsync(CancellationToken cancellationToken);
}
