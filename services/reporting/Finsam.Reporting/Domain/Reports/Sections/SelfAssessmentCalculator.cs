using Finsam.Reporting.Domain.Assessments;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// Self-assessment change (<see cref="SelfAssessmentSection"/>), per self-assessment instrument (Kind "self"), over
/// the stays that ended in the period (anonymous ones left out) with both a start and an end self-assessment of it.
/// </summary>
/// <remarks>
/// Definitions:
/// <list type="bullet">
/// <item>Only assessments that count (not retracted). The start is the stay's earliest "start" assessment of the
/// instrument, the end its latest "end" assessment (by day, a tie by assessment id); instrument versions are not told
/// apart, the areas are matched by code.</item>
/// <item>An area is improved when its end score is higher than its start score; an area scored at only one of the two
/// is left out of that pair.</item>
/// <item><see cref="SelfAssessmentInstrument.AreaCount"/>: the distinct areas scored at both start and end in any pair.</item>
/// <item>Per area: n = pairs scoring it at both, means at start and end over those (one decimal), improved = of those.</item>
/// <item>Instruments in ordinal order of their name, areas in ordinal order of their code; an instrument with no pair is not listed.</item>
/// </list>
/// </remarks>
public static class SelfAssessmentCalculator
{
    private sealed record Pair(IReadOnlyDictionary<string, int> Start, IReadOnlyDictionary<string, int> End);

    public static SelfAssessmentSection For(ReportInput input)
    {
        var threshold = input.Settings.SelfAssessmentImprovedAreas;
        var pairsByInstrument = new Dictionary<string, List<Pair>>(StringComparer.Ordinal);

        var ended = input.EndedInStatistics;
        foreach (var stay in ended)
        {
            if (input.Model.Assessments.Find(stay.EnrolmentId) is not { } assessments)
            {
                continue;
            }

            foreach (var instrument in assessments.Counting().Where(a => a.Facts!.Kind == AssessmentFacts.Self).GroupBy(a => a.Facts!.Instrument, StringComparer.Ordinal))
            {
                // Counting() is ordered by day then id: first "start", last "end".
                var start = instrument.FirstOrDefault(a => a.Facts!.Phase == AssessmentFacts.StartPhase);
                var end = instrument.LastOrDefault(a => a.Facts!.Phase == AssessmentFacts.EndPhase);
                if (start is null || end is null)
                {
                    continue;
                }

                if (!pairsByInstrument.TryGetValue(instrument.Key, out var pairs))
                {
                    pairs = [];
                    pairsByInstrument[instrument.Key] = pairs;
                }

                pairs.Add(new Pair(start.Facts!.Scores, end.Facts!.Scores));
            }
        }

        return new SelfAssessmentSection([.. pairsByInstrument
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Instrument(p.Key, p.Value, threshold))]);
    }

    private static SelfAssessmentInstrument Instrument(string instrument, IReadOnlyList<Pair> pairs, int threshold)
    {
        var areas = pairs.SelectMany(p => p.Start.Keys.Where(p.End.ContainsKey)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var atLeast = pairs.Count(p => p.Start.Count(s => p.End.TryGetValue(s.Key, out var end) && end > s.Value) >= threshold);
        return new SelfAssessmentInstrument(
            instrument,
            Count.Of(pairs.Count),
            areas.Count,
            threshold,
            Count.Of(atLeast),
            Percent.Of(atLeast, pairs.Count),
            [.. areas.Select(area => Area(area, pairs))]);
    }

    private static SelfAssessmentArea Area(string area, IReadOnlyList<Pair> pairs)
    {
        var scored = pairs.Where(p => p.Start.ContainsKey(area) && p.End.ContainsKey(area)).Select(p => (Start: p.Start[area], End: p.End[area])).ToList();
        return new SelfAssessmentArea(
            area,
            Count.Of(scored.Count),
            Mean(scored.Select(s => s.Start)),
            Mean(scored.Select(s => s.End)),
            Count.Of(scored.Count(s => s.End > s.Start)));
    }

    private static decimal? Mean(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round((decimal)list.Sum() / list.Count, 1, MidpointRounding.AwayFromZero);
    }
}
