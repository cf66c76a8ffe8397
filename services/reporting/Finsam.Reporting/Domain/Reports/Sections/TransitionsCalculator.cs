using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// Before → after of the ended of the period (anonymous stays left out), per enrolment, by the gender as it now
/// stands: försörjning at start → sysselsättning at end, försörjning at start → försörjning at end, and
/// sysselsättning at start → at end. The denominator is always the ended ("avslutade under året/perioden").
/// </summary>
/// <remarks>
/// A stay is in every pair its facts make: with two kinds of försörjning at start it is in a row for each
/// (multi-valued, so rows sum to more than the denominator and the table says so). A missing sysselsättning at
/// start is "okand" (Okänd). Only pairs someone made are rows, ordered by the from code, then the to code, in the
/// order of <see cref="ParticipantCodes"/> (unknown codes after the known ones).
/// </remarks>
public static class TransitionsCalculator
{
    public static TransitionsSection Compute(ReportInput input)
    {
        var table = input.Table;
        var ended = table.EndedInStatistics;
        var stays = Array.ConvertAll(ended, row => (Stay: table[row], Gender: table.GenderOf(row)));
        var denominatorLabel = SectionStays.During(input.Period, "avslutade");
        var forsorjning = SectionRows.InOrder(ParticipantCodes.Forsorjning);
        var sysselsattning = SectionRows.InOrder(ParticipantCodes.Sysselsattning);

        return new TransitionsSection(
            Table(stays, denominatorLabel, "Försörjning vid start → sysselsättning vid avslut", multiValued: true,
                forsorjning, s => s.Start!.ForsorjningAtStart, sysselsattning, s => [s.End!.SysselsattningAtEnd]),
            Table(stays, denominatorLabel, "Försörjning vid start → försörjning vid avslut", multiValued: true,
                forsorjning, s => s.Start!.ForsorjningAtStart, forsorjning, s => s.End!.ForsorjningAtEnd),
            Table(stays, denominatorLabel, "Sysselsättning vid start → sysselsättning vid avslut", multiValued: false,
                SectionRows.WithUnknown(sysselsattning), s => [s.Start!.SysselsattningAtStart ?? SectionRows.Unknown],
                sysselsattning, s => [s.End!.SysselsattningAtEnd]));
    }

    /// <param name="ended">The ended of the period with their gender as it now stands (worked out once for the three tables).</param>
    private static TransitionTable Table(
        IReadOnlyList<(Stay Stay, string Gender)> ended,
        string denominatorLabel,
        string title,
        bool multiValued,
        IReadOnlyList<CodeLabel> fromCodes,
        Func<Stay, IReadOnlyList<string>> from,
        IReadOnlyList<CodeLabel> toCodes,
        Func<Stay, IReadOnlyList<string>> to)
    {
        var pairs = new Dictionary<(string From, string To), GenderTally>();
        foreach (var (stay, gender) in ended)
        {
            var befores = from(stay);
            var afters = to(stay);
            for (var b = 0; b < befores.Count; b++)
            {
                if (SectionRows.SeenBefore(befores, b))
                {
                    continue;
                }

                for (var a = 0; a < afters.Count; a++)
                {
                    if (SectionRows.SeenBefore(afters, a))
                    {
                        continue;
                    }

                    if (!pairs.TryGetValue((befores[b], afters[a]), out var genders))
                    {
                        genders = new GenderTally();
                        pairs[(befores[b], afters[a])] = genders;
                    }

                    genders.Add(gender);
                }
            }
        }

        var rows = new List<TransitionRow>();
        foreach (var before in SectionRows.RowsOf(fromCodes, pairs.Keys.Select(k => k.From)))
        {
            foreach (var after in SectionRows.RowsOf(toCodes, pairs.Keys.Select(k => k.To)))
            {
                if (pairs.TryGetValue((before.Code, after.Code), out var genders))
                {
                    rows.Add(new TransitionRow(before.Code, before.Label, after.Code, after.Label, genders.ToCounts()));
                }
            }
        }

        return new TransitionTable(title, Count.Of(ended.Count), denominatorLabel, multiValued, rows);
    }
}
