using System.Globalization;
using Finsam.Reporting.Domain.Groups;
using Finsam.Reporting.Domain.Stays;
using Finsam.Reporting.Domain.Unlinked;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>Group work (<see cref="GroupWorkSection"/>) of the scope's groups in the period, and the evaluation forms of its insatser.</summary>
/// <remarks>
/// Definitions:
/// <list type="bullet">
/// <item>Groups: the scope's groups with a träff held in the period (TraffHeld: attendance was recorded), whatever
/// their status now: a group cancelled half-way still ran the träffar it held.</item>
/// <item>Completed: groups whose course ended in the period (<see cref="Group.CompletedOn"/>: the last held träff);
/// cancelled: groups cancelled on a day in the period.</item>
/// <item>Träffar held: held in the period, in any of the scope's groups.</item>
/// <item>Participants started: distinct participant ids, over the groups counted, who had a place: a booking made or
/// promoted and not cancelled, or recorded present at any of the group's träffar (someone who came and then left
/// started).</item>
/// <item>Participants completed: distinct participant ids marked completed (by the format's attendance rule) in the
/// GroupCompleted of a group completed in the period.</item>
/// <item>Attendance: records "present" / all records, at the träffar held in the period.</item>
/// <item>Evaluations: the forms of the scope's insatser whose month falls in the period (<see cref="UnlinkedMonth"/>);
/// per statement, ratings 1–6 (0 = not answered is left out, as is anything outside 1–6), mean to one decimal, and the
/// distribution 1..6 with shares of that statement's n. Statements in the order they stand on the forms.</item>
/// </list>
/// </remarks>
public static class GroupWorkCalculator
{
    public static GroupWorkSection For(ReportInput input)
    {
        var period = input.Period;
        int run = 0, completedGroups = 0, cancelled = 0, held = 0, recorded = 0, present = 0;
        var started = new HashSet<string>(StringComparer.Ordinal);
        var completed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in input.Model.Groups.Entities)
        {
            if (!input.InScope(group.InsatsId))
            {
                continue;
            }

            // One pass over the group's träffar: those held in the period with their attendance, and the last one held
            // (the day the course ended, Group.CompletedOn, without a second pass).
            var ranInPeriod = false;
            DateOnly? lastHeld = null;
            foreach (var traff in group.Traffar.Values)
            {
                if (traff.HeldOn is not { } heldOn)
                {
                    continue;
                }

                lastHeld = lastHeld is { } last && last >= heldOn ? last : heldOn;
                if (In(heldOn, period))
                {
                    ranInPeriod = true;
                    held++;
                    recorded += traff.Attendance.Count;
                    present += CountPresent(traff);
                }
            }

            if (ranInPeriod)
            {
                run++;
                AddStarted(group, started);
            }

            if (group.Completion is { } completion && In(lastHeld ?? completion.On, period))
            {
                completedGroups++;
                foreach (var participant in completion.Participants)
                {
                    if (participant.Completed)
                    {
                        completed.Add(participant.ParticipantId);
                    }
                }
            }

            if (group.Status == GroupStatuses.Cancelled && group.CancelledOn is { } on && In(on, period))
            {
                cancelled++;
            }
        }

        var inPeriod = new MonthsInPeriod(period);
        var forms = input.Model.Evaluations.Entities.Where(f => input.InScope(f.InsatsId) && inPeriod.Contains(f.Month)).ToList();

        return new GroupWorkSection(
            Count.Of(run),
            Count.Of(completedGroups),
            Count.Of(cancelled),
            Count.Of(held),
            Count.Of(started.Count),
            Count.Of(completed.Count),
            Percent.Of(present, recorded),
            Count.Of(forms.Count),
            Statements(forms));
    }

    /// <summary>Who had a place in the group: a booking placed and not cancelled, or present at any of its träffar.</summary>
    private static void AddStarted(Group group, HashSet<string> started)
    {
        foreach (var booking in group.Bookings.Values)
        {
            if (booking.Placed && !booking.Cancelled)
            {
                started.Add(booking.ParticipantId);
            }
        }

        foreach (var traff in group.Traffar.Values)
        {
            foreach (var (participantId, mark) in traff.Attendance)
            {
                if (mark.Status == AttendanceStatus.Present)
                {
                    started.Add(participantId);
                }
            }
        }
    }

    private static int CountPresent(GroupTraff traff)
    {
        var present = 0;
        foreach (var mark in traff.Attendance.Values)
        {
            if (mark.Status == AttendanceStatus.Present)
            {
                present++;
            }
        }

        return present;
    }

    private static bool In(DateOnly day, ReportPeriod period) => day >= period.From && day <= period.To;

    private static IReadOnlyList<EvaluationStatementResult> Statements(IReadOnlyList<EvaluationForm> forms)
    {
        // Each statement's ratings, and the earliest place it has on any form (for a stable order).
        var byStatement = new Dictionary<string, (int Position, List<int> Ratings)>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            for (var i = 0; i < Math.Min(form.Statements.Count, form.Ratings.Count); i++)
            {
                var statement = form.Statements[i];
                var entry = byStatement.TryGetValue(statement, out var found) ? found : (Position: i, Ratings: new List<int>());
                if (form.Ratings[i] is >= EvaluationForm.LowestRating and <= EvaluationForm.HighestRating)
                {
                    entry.Ratings.Add(form.Ratings[i]);
                }

                byStatement[statement] = (Math.Min(entry.Position, i), entry.Ratings);
            }
        }

        return [.. byStatement
            .OrderBy(s => s.Value.Position)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => Statement(s.Key, s.Value.Ratings))];
    }

    private static EvaluationStatementResult Statement(string statement, IReadOnlyList<int> ratings)
    {
        var n = ratings.Count;
        decimal? mean = n == 0 ? null : Math.Round((decimal)ratings.Sum() / n, 1, MidpointRounding.AwayFromZero);
        var distribution = Enumerable.Range(EvaluationForm.LowestRating, EvaluationForm.HighestRating - EvaluationForm.LowestRating + 1)
            .Select(rating =>
            {
                var code = rating.ToString(CultureInfo.InvariantCulture);
                var count = ratings.Count(r => r == rating);
                return new Tally(code, code, Count.Of(count), Percent.Of(count, n));
            })
            .ToList();
        return new EvaluationStatementResult(statement, Count.Of(n), mean, distribution);
    }
}
