using Finsam.Participants.Domain.Surveys;

namespace Finsam.Participants.Application.Surveys;

/// <summary>Survey instrument versions. There is no update: a stored version never changes.</summary>
public interface ISurveyInstruments
{
    /// <summary>The latest version of every instrument, by instrument id.</summary>
    Task<IReadOnlyList<SurveyInstrument>> ListLatestAsync(CancellationToken cancellationToken);

    /// <summary>Every version of one instrument, oldest first; empty when there is no such instrument.</summary>
    Task<IReadOnlyList<SurveyInstrument>> ListVersionsAsync(string instrumentId, CancellationToken cancellationToken);

    /// <summary>One version, or the latest when <paramref name="version"/> is null.</summary>
    Task<SurveyInstrument?> GetAsync(string instrumentId, int? version, CancellationToken cancellationToken);

    /// <summary>Stores a new version. Throws <see cref="SurveyInstrumentVersionTakenException"/> when that version exists already.</summary>
    Task AddAsync(SurveyInstrument instrument, CancellationToken cancellationToken);
}

public sealed class SurveyInstrumentVersionTakenException() : Exception("The survey instrument version already exists.");
