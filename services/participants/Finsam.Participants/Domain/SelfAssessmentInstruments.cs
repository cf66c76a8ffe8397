namespace Finsam.Participants.Domain;

/// <summary>A self-assessment instrument: its areas (in the order they are shown) and the score range.</summary>
public sealed record SelfAssessmentInstrument(string Name, string Version, IReadOnlyList<string> Areas, int MinScore, int MaxScore);

/// <summary>
/// The self-assessment instruments the service knows. Scores are only meaningful against a known scale,
/// so unlike staff instruments this list is closed; adding one is a line here.
/// </summary>
public static class SelfAssessmentInstruments
{
    /// <summary>The livshjul (wheel of life): eight areas, each 1–6, before and after.</summary>
    public static readonly SelfAssessmentInstrument Livshjul = new(
        "livshjul",
        "1",
        ["resurser", "mat", "somn", "stress", "vardagsrutiner", "halsa-motion", "fritid", "min-utveckling"],
        1,
        6);

    public static readonly IReadOnlyDictionary<string, SelfAssessmentInstrument> All =
        new Dictionary<string, SelfAssessmentInstrument>(StringComparer.Ordinal) { [Livshjul.Name] = Livshjul };
}
