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
        var ended = SectionStays.EndedInStatistics(input);
        var denominatorLabel = SectionStays.During(input.Period, "avslutade");
        var forsorjning = SectionRows.InOrder(ParticipantCodes.Forsorjning);
        var sysselsattning = SectionRows.InOrder(ParticipantCodes.Sysselsattning);

        return new TransitionsSection(
            Table(input, ended, denominatorLabel, "Försörjning vid start → sysselsättning vid avslut", multiValued: true,
                forsorjning, s => s.Start!.ForsorjningAtStart, sysselsattning, s => [s.End!.SysselsattningAtEnd]),
            Table(input, ended, denominatorLabel, "Försörjning vid start → försörjning vid avslut", multiValued: true,
                forsorjning, s => s.Start!.ForsorjningAtStart, forsorjning, s => s.End!.ForsorjningAtEnd),
            Table(input, ended, denominatorLabel, "Sysselsättning vid start → sysselsättning vid avslut", multiValued: false,
                SectionRows.WithUnknown(sysselsattning), s => [s.Start!.SysselsattningAtStart ?? SectionRows.Unknown],
                sysselsattning, s => [s.End!.SysselsattningAtEnd]));
    }

    private static TransitionTable Table(
        ReportInput input,
        IReadOnlyList<Stay> ended,
        string denominatorLabel,
        string title,
        bool multiValued,
        IReadOnlyList<CodeLabel> fromCodes,
        Func<Stay, IEnumerable<string>> from,
        IReadOnlyList<CodeLabel> toCodes,
        Func<Stay, IEnumerable<string>> to)
    {
        var pairs = new Dictionary<(string From, string To), List<string>>();
        foreach (var stay in ended)
        {
            var gender = SectionStays.GenderOf(input, stay);
            foreach (var before in SectionRows.DistinctCodes(from(stay)))
            {
                var afters = SectionRows.DistinctCodes(to(stay));
                foreach (var after in afters)
                {
                    if (!pairs.TryGetValue((before, after), out var genders))
                    {
                        genders = [];
                        pairs[(before, after)] = genders;
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
                    rows.Add(new TransitionRow(before.Code, before.Label, after.Code, after.Label, SectionRows.GenderCountsOf(genders)));
                }
            }
        }

        return new TransitionTable(title, Count.Of(ended.Count), denominatorLabel, multiValued, rows);
    }
}
