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

    /// <summary>One instrument's areas as the pairs are read: the pairs scoring it at both, the sums of the scores, the improved.</summary>
    private sealed class AreaTally
    {
        public int Scored;
        public int StartSum;
        public int EndSum;
        public int Improved;
    }

    public static SelfAssessmentSection For(ReportInput input)
    {
        var threshold = input.Settings.SelfAssessmentImprovedAreas;
        var pairsByInstrument = new Dictionary<string, List<Pair>>(StringComparer.Ordinal);
        var ofStay = new List<(string Instrument, AssessmentRecord? Start, AssessmentRecord? End)>();

        var table = input.Table;
        foreach (var row in table.EndedInStatistics)
        {
            if (input.Model.Assessments.Find(table[row].EnrolmentId) is not { } assessments)
            {
                continue;
            }

            StartsAndEnds(assessments, ofStay);
            foreach (var (instrument, start, end) in ofStay)
            {
                if (start is null || end is null)
                {
                    continue;
                }

                if (!pairsByInstrument.TryGetValue(instrument, out var pairs))
                {
                    pairs = [];
                    pairsByInstrument[instrument] = pairs;
                }

                pairs.Add(new Pair(start.Facts!.Scores, end.Facts!.Scores));
            }
        }

        return new SelfAssessmentSection([.. pairsByInstrument
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Instrument(p.Key, p.Value, threshold))]);
    }

    /// <summary>
    /// Per self-assessment instrument of the stay, its start (the earliest "start" that counts, by day then id) and its
    /// end (the latest "end"): the first and last of <see cref="EnrolmentAssessments.Counting"/>'s order, found in one
    /// pass instead of a sort and a grouping per stay. <paramref name="found"/> is emptied and filled.
    /// </summary>
    private static void StartsAndEnds(EnrolmentAssessments assessments, List<(string Instrument, AssessmentRecord? Start, AssessmentRecord? End)> found)
    {
        found.Clear();
        foreach (var assessment in assessments.Assessments.Values)
        {
            if (!assessment.Counts || assessment.Facts!.Kind != AssessmentFacts.Self)
            {
                continue;
            }

            var facts = assessment.Facts;
            var at = IndexOf(found, facts.Instrument);
            if (at < 0)
            {
                found.Add((facts.Instrument, null, null));
                at = found.Count - 1;
            }

            var (instrument, start, end) = found[at];
            if (facts.Phase == AssessmentFacts.StartPhase && (start is null || Before(assessment, start)))
            {
                start = assessment;
            }

            // Of two the sort can't tell apart, the later one met was the last.
            if (facts.Phase == AssessmentFacts.EndPhase && (end is null || !Before(assessment, end)))
            {
                end = assessment;
            }

            found[at] = (instrument, start, end);
        }
    }

    /// <summary>Where the instrument is in the stay's list (a stay has an instrument or two), or −1.</summary>
    private static int IndexOf(List<(string Instrument, AssessmentRecord? Start, AssessmentRecord? End)> found, string instrument)
    {
        for (var i = 0; i < found.Count; i++)
        {
            if (string.Equals(found[i].Instrument, instrument, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Earlier in <see cref="EnrolmentAssessments.Counting"/>'s order: by day, then by id (ordinal).</summary>
    private static bool Before(AssessmentRecord assessment, AssessmentRecord other)
    {
        var byDay = assessment.Facts!.AssessedOn.CompareTo(other.Facts!.AssessedOn);
        return byDay < 0 || (byDay == 0 && string.CompareOrdinal(assessment.AssessmentId, other.AssessmentId) < 0);
    }

    /// <remarks>The areas are tallied in one pass over the pairs (not one pass per area).</remarks>
    private static SelfAssessmentInstrument Instrument(string instrument, IReadOnlyList<Pair> pairs, int threshold)
    {
        var areas = new Dictionary<string, AreaTally>(StringComparer.Ordinal);
        var atLeast = 0;
        foreach (var pair in pairs)
        {
            var improved = 0;
            foreach (var (area, startScore) in pair.Start)
            {
                if (!pair.End.TryGetValue(area, out var endScore))
                {
                    continue;
                }

                if (!areas.TryGetValue(area, out var tally))
                {
                    tally = new AreaTally();
                    areas[area] = tally;
                }

                tally.Scored++;
                tally.StartSum = checked(tally.StartSum + startScore);
                tally.EndSum = checked(tally.EndSum + endScore);
                if (endScore > startScore)
                {
                    tally.Improved++;
                    improved++;
                }
            }

            if (improved >= threshold)
            {
                atLeast++;
            }
        }

        return new SelfAssessmentInstrument(
            instrument,
            Count.Of(pairs.Count),
            areas.Count,
            threshold,
            Count.Of(atLeast),
            Percent.Of(atLeast, pairs.Count),
            [.. areas.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => Area(a.Key, a.Value))]);
    }

    private static SelfAssessmentArea Area(string area, AreaTally tally) =>
        new(area, Count.Of(tally.Scored), Mean(tally.StartSum, tally.Scored), Mean(tally.EndSum, tally.Scored), Count.Of(tally.Improved));

    private static decimal? Mean(int sum, int count) =>
        count == 0 ? null : Math.Round((decimal)sum / count, 1, MidpointRounding.AwayFromZero);
}
