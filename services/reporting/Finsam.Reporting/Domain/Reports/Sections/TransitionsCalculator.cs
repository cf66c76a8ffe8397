using Finsam.IntegrationEvents.Participants.V1;

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
        var denominatorLabel = SectionStays.During(input.Period, "avslutade");
        var forsorjning = SectionRows.InOrder(ParticipantCodes.Forsorjning);
        var sysselsattning = SectionRows.InOrder(ParticipantCodes.Sysselsattning);

        // Each stay's codes are numbered once for the three tables, and a pair is counted under its two numbers: a
        // pair of code texts as a key was hashed (both texts) for every pair of every stay of every table.
        var codes = new TextNumbers();
        Pairs forsorjningToSysselsattning = new(), forsorjningToForsorjning = new(), sysselsattningToSysselsattning = new();
        List<int> forsorjningAtStart = [], forsorjningAtEnd = [];
        foreach (var row in ended)
        {
            var stay = table[row];
            var gender = table.GenderOf(row);
            Number(stay.Start!.ForsorjningAtStart, codes, forsorjningAtStart);
            Number(stay.End!.ForsorjningAtEnd, codes, forsorjningAtEnd);
            var sysselsattningAtStart = codes.NumberOf(stay.Start.SysselsattningAtStart ?? SectionRows.Unknown);
            var sysselsattningAtEnd = codes.NumberOf(stay.End.SysselsattningAtEnd);
            foreach (var before in forsorjningAtStart)
            {
                forsorjningToSysselsattning.Add(before, sysselsattningAtEnd, gender);
                foreach (var after in forsorjningAtEnd)
                {
                    forsorjningToForsorjning.Add(before, after, gender);
                }
            }

            sysselsattningToSysselsattning.Add(sysselsattningAtStart, sysselsattningAtEnd, gender);
        }

        return new TransitionsSection(
            Table(forsorjningToSysselsattning, codes, ended.Length, denominatorLabel, "Försörjning vid start → sysselsättning vid avslut",
                multiValued: true, forsorjning, sysselsattning),
            Table(forsorjningToForsorjning, codes, ended.Length, denominatorLabel, "Försörjning vid start → försörjning vid avslut",
                multiValued: true, forsorjning, forsorjning),
            Table(sysselsattningToSysselsattning, codes, ended.Length, denominatorLabel, "Sysselsättning vid start → sysselsättning vid avslut",
                multiValued: false, SectionRows.WithUnknown(sysselsattning), sysselsattning));
    }

    /// <summary>The numbers of a stay's codes, each code once (a multi-valued fact may name one twice).</summary>
    private static void Number(IReadOnlyList<string> texts, TextNumbers codes, List<int> numbers)
    {
        numbers.Clear();
        foreach (var text in texts)
        {
            var number = codes.NumberOf(text);
            if (!numbers.Contains(number))
            {
                numbers.Add(number);
            }
        }
    }

    private static TransitionTable Table(
        Pairs pairs,
        TextNumbers codes,
        int ended,
        string denominatorLabel,
        string title,
        bool multiValued,
        IReadOnlyList<CodeLabel> fromCodes,
        IReadOnlyList<CodeLabel> toCodes)
    {
        var rows = new List<TransitionRow>();
        var afters = SectionRows.RowsOf(toCodes, pairs.Keys.Select(k => codes.Texts[k.To]));
        foreach (var before in SectionRows.RowsOf(fromCodes, pairs.Keys.Select(k => codes.Texts[k.From])))
        {
            foreach (var after in afters)
            {
                if (codes.Find(before.Code) is { } from && codes.Find(after.Code) is { } to && pairs.TryGetValue((from, to), out var genders))
                {
                    rows.Add(new TransitionRow(before.Code, before.Label, after.Code, after.Label, genders.ToCounts()));
                }
            }
        }

        return new TransitionTable(title, Count.Of(ended), denominatorLabel, multiValued, rows);
    }

    /// <summary>The genders of the stays that made each pair of code numbers (from, to).</summary>
    private sealed class Pairs : Dictionary<(int From, int To), GenderTally>
    {
        public void Add(int from, int to, string gender)
        {
            if (!TryGetValue((from, to), out var genders))
            {
                genders = new GenderTally();
                this[(from, to)] = genders;
            }

            genders.Add(gender);
        }
    }
}
