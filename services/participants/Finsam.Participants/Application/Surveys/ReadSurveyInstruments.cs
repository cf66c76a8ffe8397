using Finsam.Participants.Application.Access;
using Finsam.Participants.Domain.Surveys;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Surveys;

/// <summary>
/// The instruments' latest versions, a page at a time in instrument id order. Any signed-in caller may read
/// them: they are the wording of a form, not data about anyone, so nothing is logged.
/// </summary>
public sealed class ListSurveyInstrumentsHandler(ISurveyInstruments instruments)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    public async Task<(IReadOnlyList<SurveyInstrument> Page, string? NextPageToken)> HandleAsync(
        AccessContext context, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        if (pageSize < 0)
        {
            violations.Add(new FieldViolation("page_size", "page_size får inte vara negativ."));
        }

        // The token is the last instrument id of the previous page.
        if (!string.IsNullOrEmpty(pageToken) && !SurveyInstrumentRules.IsSlug(pageToken))
        {
            violations.Add(new FieldViolation("page_token", "page_token är ogiltig."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        var size = pageSize == 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize);
        var remaining = (await instruments.ListLatestAsync(cancellationToken))
            .Where(i => string.IsNullOrEmpty(pageToken) || string.CompareOrdinal(i.InstrumentId, pageToken) > 0)
            .ToList();
        var page = remaining.Take(size).ToList();
        return (page, remaining.Count > size ? page[^1].InstrumentId : null);
    }
}

/// <summary>One version of an instrument, or its latest. Open to every signed-in caller, as the list is.</summary>
public sealed class GetSurveyInstrumentHandler(ISurveyInstruments instruments)
{
    public const string ReasonNotFound = "SURVEY_INSTRUMENT_NOT_FOUND";

    /// <param name="version">0 for the latest version.</param>
    public async Task<SurveyInstrument> HandleAsync(AccessContext context, string? instrumentId, int version, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var id = SurveyInstrumentRules.ValidateInstrumentId(instrumentId, violations);
        if (version < 0)
        {
            violations.Add(new FieldViolation("version", "version ska vara 1 eller högre (0 eller utelämnad: den senaste)."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        return await instruments.GetAsync(id!, version == 0 ? null : version, cancellationToken)
            ?? throw new NotFoundException(
                ReasonNotFound,
                version == 0 ? $"Enkätinstrumentet {id} finns inte." : $"Enkätinstrumentet {id} har ingen version {version}.");
    }
}
