namespace Finsam.Reporting.Domain.Reports;

/// <summary>
/// How the report groups and judges, set per förbund in configuration ("Reporting:Report") rather than in code:
/// real reports band ages differently per insats and set their own lines.
/// </summary>
public sealed class ReportSettings
{
    /// <summary>Age bands when an insats has none of its own: unions of the five-year bands, written "15-29", "65+".</summary>
    public IReadOnlyList<string> DefaultAgeBands { get; init; } = ["15-29", "30-44", "45-59", "60+"];

    /// <summary>Age bands per insats id, e.g. "15-29", "30-44", "45-64".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AgeBandsByInsats { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>"N more than X years" in public support.</summary>
    public int YearsInSupportThreshold { get; init; } = 9;

    /// <summary>Upper bounds (months, inclusive) of the time-in-insats bands; a last open band follows: ≤3, 4–6, … , &gt;24.</summary>
    public IReadOnlyList<int> TimeInInsatsBandsMonths { get; init; } = [3, 6, 9, 12, 15, 18, 24];

    /// <summary>Self-assessment: "at least N areas improved".</summary>
    public int SelfAssessmentImprovedAreas { get; init; } = 3;

    /// <summary>
    /// Survey indicators: per instrument id and question code, the option codes that count as "at or above" the
    /// target line, in the instrument's order (e.g. Q1 → ofta, for-det-mesta, alltid). Questions without one get no share.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> SurveyThresholds { get; init; }
        = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>();

    public IReadOnlyList<string> AgeBandsFor(string? insatsId) =>
        insatsId is not null && AgeBandsByInsats.TryGetValue(insatsId, out var bands) ? bands : DefaultAgeBands;
}
