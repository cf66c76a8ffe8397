using Finsam.Activities.Domain.Evaluations;
using Finsam.IntegrationEvents;

namespace Finsam.Activities.Application.Evaluations;

/// <summary>The evaluations' storage port: a collection of its own, one document per form.</summary>
public interface IEvaluationRepository
{
    /// <summary>
    /// Stores the form and its events in one write. <paramref name="requestKey"/> (a hash, never the request id
    /// itself) is unique: a taken one throws <see cref="EvaluationRequestKeyTakenException"/>.
    /// </summary>
    Task AddAsync(Evaluation evaluation, string requestKey, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken);

    Task<Evaluation?> FindByRequestKeyAsync(string requestKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<Evaluation>> ListByGroupAsync(string groupId, CancellationToken cancellationToken);

    Task<int> CountByGroupAsync(string groupId, CancellationToken cancellationToken);
}

public sealed class EvaluationRequestKeyTakenException() : Exception("The request key has already been used.");
