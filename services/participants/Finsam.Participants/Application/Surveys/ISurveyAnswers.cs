using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Domain.Surveys;

namespace Finsam.Participants.Application.Surveys;

/// <summary>Stored deltagarenkät answers: written once, never changed, read only as counts.</summary>
public interface ISurveyAnswers
{
    /// <summary>
    /// Stores the answer with its event in one write. <paramref name="requestKey"/> is a one-way hash of the
    /// client's request id, unique, so a retry can't store a second answer: throws
    /// <see cref="SurveyRequestKeyTakenException"/> when it is taken.
    /// </summary>
    Task AddAsync(SurveyAnswer answer, string requestKey, SurveyAnswered answered, CancellationToken cancellationToken);

    Task<SurveyAnswer?> FindByRequestKeyAsync(string requestKey, CancellationToken cancellationToken);

    /// <summary>All answers to an instrument (any version), in one insats or, with null, in all.</summary>
    Task<IReadOnlyList<SurveyAnswer>> ListAsync(string instrumentId, string? insatsId, CancellationToken cancellationToken);
}

public sealed class SurveyRequestKeyTakenException() : Exception("The survey answer's request key has already been used.");
