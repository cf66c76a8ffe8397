namespace Finsam.Activities.Domain.Evaluations;

/// <summary>How one statement was rated: n answers, their mean, and how many gave each rating (index 0 is rating 1).</summary>
public sealed record StatementSummary(int Number, string Statement, int N, double Mean, IReadOnlyList<int> Distribution);

/// <summary>A group's evaluations summed up per statement; what reports quote ("mean 5.2, n = 9").</summary>
public sealed record EvaluationSummary(string GroupId, int Answers, IReadOnlyList<StatementSummary> Statements)
{
    /// <summary>
    /// Sums up the forms against the group's statements. A statement left unanswered (0) on a form doesn't count
    /// towards its n or mean, so a mean is always over real ratings.
    /// </summary>
    public static EvaluationSummary Of(string groupId, IReadOnlyList<string> statements, IReadOnlyList<Evaluation> evaluations)
    {
        var summaries = statements.Select((statement, index) =>
        {
            var distribution = new int[Evaluation.HighestRating];
            foreach (var evaluation in evaluations)
            {
                if (index < evaluation.Ratings.Count && evaluation.Ratings[index] is >= Evaluation.LowestRating and <= Evaluation.HighestRating)
                {
                    distribution[evaluation.Ratings[index] - 1]++;
                }
            }

            var n = distribution.Sum();
            var mean = n == 0 ? 0 : distribution.Select((count, i) => count * (i + 1)).Sum() / (double)n;
            return new StatementSummary(index + 1, statement, n, mean, distribution);
        });
        return new EvaluationSummary(groupId, evaluations.Count, summaries.ToList());
    }
}
