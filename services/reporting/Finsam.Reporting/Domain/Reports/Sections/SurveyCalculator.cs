using Finsam.Reporting.Domain.Unlinked;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>Survey indicators (<see cref="SurveySection"/>): the deltagarenkät answers of the scope whose month falls in the period.</summary>
/// <remarks>
/// Definitions:
/// <list type="bullet">
/// <item>Answers of the scope's insatser whose Period ("yyyy-MM") falls in the period (<see cref="UnlinkedMonth"/>).
/// Answers are anonymous by design, so none is left out as anonymous.</item>
/// <item>One row per instrument id, instrument version and question code (versions are never merged: a licensed
/// instrument's wording may change between them); n = answers to that question.</item>
/// <item>Distribution by option code (the label is the code: the wording lives in the instrument, not in reporting):
/// the question's threshold options from <see cref="ReportSettings.SurveyThresholds"/> first, in their order and even
/// when nobody chose them, then every other option chosen, in ordinal order. Shares are of n.</item>
/// <item>At or above the threshold: answers whose option is one of the threshold options; the threshold option shown
/// is the first of them (the line, e.g. "ofta"). Without a threshold for the question, both are null.</item>
/// <item>Rows by instrument id, version, then question code in natural order (Q2 before Q10).</item>
/// </list>
/// </remarks>
public static class SurveyCalculator
{
    public static SurveySection For(ReportInput input)
    {
        // The options chosen, per instrument and version, then per question, in one pass over the answers: an
        // answer's instrument is looked up once for all its questions.
        var inPeriod = new MonthsInPeriod(input.Period);
        var byInstrument = new Dictionary<(string InstrumentId, int InstrumentVersion), Dictionary<string, List<string>>>();
        foreach (var answer in input.Model.SurveyAnswers.Entities)
        {
            if (!input.InScope(answer.InsatsId) || !inPeriod.Contains(answer.Period))
            {
                continue;
            }

            if (!byInstrument.TryGetValue((answer.InstrumentId, answer.InstrumentVersion), out var byQuestion))
            {
                byQuestion = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                byInstrument[(answer.InstrumentId, answer.InstrumentVersion)] = byQuestion;
            }

            foreach (var (question, option) in answer.Answers)
            {
                if (!byQuestion.TryGetValue(question, out var options))
                {
                    options = [];
                    byQuestion[question] = options;
                }

                options.Add(option);
            }
        }

        var rows = byInstrument
            .SelectMany(instrument => instrument.Value.Select(question => (instrument.Key.InstrumentId, instrument.Key.InstrumentVersion, Question: question.Key, Options: question.Value)))
            .OrderBy(g => g.InstrumentId, StringComparer.Ordinal)
            .ThenBy(g => g.InstrumentVersion)
            .ThenBy(g => g.Question, NaturalOrder.Instance)
            .Select(g => Question(g.InstrumentId, g.InstrumentVersion, g.Question, g.Options, input.Settings))
            .ToList();

        return new SurveySection(rows);
    }

    private static SurveyQuestionResult Question(string instrumentId, int version, string question, IReadOnlyList<string> options, ReportSettings settings)
    {
        var n = options.Count;
        IReadOnlyList<string> threshold = settings.SurveyThresholds.TryGetValue(instrumentId, out var questions) && questions.TryGetValue(question, out var list)
            ? list
            : [];
        var others = options.Where(o => !threshold.Contains(o, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var distribution = threshold.Distinct(StringComparer.Ordinal).Concat(others)
            .Select(code =>
            {
                var count = options.Count(o => string.Equals(o, code, StringComparison.Ordinal));
                return new Tally(code, code, Count.Of(count), Percent.Of(count, n));
            })
            .ToList();

        if (threshold.Count == 0)
        {
            return new SurveyQuestionResult(instrumentId, version, question, Count.Of(n), distribution, null, null, null);
        }

        var atOrAbove = options.Count(o => threshold.Contains(o, StringComparer.Ordinal));
        return new SurveyQuestionResult(instrumentId, version, question, Count.Of(n), distribution, threshold[0], Count.Of(atOrAbove), Percent.Of(atOrAbove, n));
    }

    /// <summary>Compares runs of digits by their value, the rest ordinally: "Q2" before "Q10".</summary>
    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (x is null || y is null)
            {
                return string.CompareOrdinal(x, y);
            }

            int i = 0, j = 0;
            while (i < x.Length && j < y.Length)
            {
                if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
                {
                    var startX = i;
                    var startY = j;
                    while (i < x.Length && char.IsAsciiDigit(x[i])) { i++; }
                    while (j < y.Length && char.IsAsciiDigit(y[j])) { j++; }

                    var digitsX = x[startX..i].TrimStart('0');
                    var digitsY = y[startY..j].TrimStart('0');
                    var byValue = digitsX.Length != digitsY.Length ? digitsX.Length.CompareTo(digitsY.Length) : string.CompareOrdinal(digitsX, digitsY);
                    if (byValue != 0)
                    {
                        return byValue;
                    }

                    continue;
                }

                var byChar = x[i].CompareTo(y[j]);
                if (byChar != 0)
                {
                    return byChar;
                }

                i++;
                j++;
            }

            var byLength = (x.Length - i).CompareTo(y.Length - j);
            return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
        }
    }
}
