using Finsam.Participants.Application.Access;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.Participants.Application.Enrolments;

/// <param name="Start">Null when the area was not scored at the start (or no start assessment exists).</param>
public sealed record AreaChange(string Area, int? Start, int? End)
{
    public int? Change => End - Start;

    public bool Improved => Change > 0;
}

public sealed record SelfAssessmentChange(string EnrolmentId, string Instrument, DateOnly? StartAssessedOn, DateOnly? EndAssessedOn, IReadOnlyList<AreaChange> Areas)
{
    /// <summary>Areas scored higher at the end: what a goal like "at least 3 of 8 areas improved" counts.</summary>
    public int ImprovedAreas => Areas.Count(a => a.Improved);

    public int ComparedAreas => Areas.Count(a => a.Change is not null);
}

/// <summary>
/// Change per area between the stay's start and end self-assessment. When a phase was recorded more than
/// once, the latest (by date, then by when it was recorded) counts; retracted ones never do.
/// </summary>
public sealed class GetSelfAssessmentChangeHandler(EnrolmentAccess access)
{
    public async Task<SelfAssessmentChange> HandleAsync(AccessContext context, string? enrolmentId, string? instrumentName, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(instrumentName) ? SelfAssessmentInstruments.Livshjul.Name : instrumentName.Trim();
        if (!SelfAssessmentInstruments.All.TryGetValue(name, out var instrument))
        {
            throw new ValidationFailedException([new FieldViolation(
                "instrument", $"Okänt självskattningsinstrument: välj bland {string.Join(", ", SelfAssessmentInstruments.All.Keys)}.")]);
        }

        var enrolment = await access.LoadAsync(enrolmentId, cancellationToken);
        await access.EnsureMayReadAsync(context, enrolment, cancellationToken);

        var start = Latest(enrolment, instrument, SelfAssessment.PhaseStart);
        var end = Latest(enrolment, instrument, SelfAssessment.PhaseEnd);
        var areas = instrument.Areas
            .Select(area => new AreaChange(area, Score(start, area), Score(end, area)))
            .ToList();
        return new SelfAssessmentChange(enrolment.Id, instrument.Name, start?.AssessedOn, end?.AssessedOn, areas);
    }

    private static SelfAssessment? Latest(Enrolment enrolment, SelfAssessmentInstrument instrument, string phase) =>
        enrolment.SelfAssessmentsNotRetracted
            .Where(s => s.Instrument == instrument.Name && s.Phase == phase)
            .OrderBy(s => s.AssessedOn)
            .ThenBy(s => s.RecordedAt)
            .LastOrDefault();

    private static int? Score(SelfAssessment? assessment, string area) =>
        assessment is not null && assessment.Scores.TryGetValue(area, out var score) ? score : null;
}
