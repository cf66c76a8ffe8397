using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.Insatser;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// Könsuppdelad statistik at förbund level: each table's rows as counts of women and men and as % of the women and
/// % of the men of that table.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Who: every stay (not anonymous) of an insats for individuals (kind individual or group-course, or an
/// insats the catalogue doesn't know) that ended in the period, per enrolment, with the gender as it now stands.
/// Structural insatser have no participants to split; count-only ones have no stays (they are in the
/// per-insats table only).</item>
/// <item>People of gender "other" are counted in the totals (<see cref="GenderSplitRow.Total"/>,
/// <see cref="GenderSplitTable.TotalDenominator"/>, <see cref="GenderSplitSection.Total"/>) but in neither
/// percentage: those are of the women and of the men.</item>
/// <item>Age in the förbund's default bands; years in public support in the bands 0–2, 3–5, 6–9 and more than 9
/// (the "more than 9 years" line of the reports), a missing value as Okänd; time in insats in the configured
/// month bands; end reasons and försörjning (at start, at end) are multi-valued.</item>
/// <item>Flows: over the stays of those insatser active in the period (the table's denominator), how many were new
/// and how many ended in it; a stay can be both, so the rows don't sum to the denominator.</item>
/// <item>Participants per insats: unique persons (not anonymous) active in the period in each insats for individuals,
/// and the counts count-only insatser registered for the period (registered counts, not unique persons); the
/// denominator is all of those, so a person in two insatser is in two rows.</item>
/// </list>
/// </remarks>
public static class GenderSplitCalculator
{
    internal static readonly IReadOnlyList<CodeLabel> YearsInSupportBands =
        [new("0-2", "0–2 år"), new("3-5", "3–5 år"), new("6-9", "6–9 år"), new("10+", "Mer än 9 år"), new(SectionRows.Unknown, SectionRows.UnknownLabel)];

    /// <summary>Null for one insats' report: the split is the förbund's alone.</summary>
    /// <exception cref="ArgumentException">The default age bands or the time-in-insats bands are configured so they can't be used.</exception>
    public static GenderSplitSection? Compute(ReportInput input)
    {
        if (!input.IsForbund)
        {
            return null;
        }

        var ageBands = ProfileAgeBands.Of(input.Settings.DefaultAgeBands);
        var timeBands = ProfileTimeBands.Of(input.Settings.TimeInInsatsBandsMonths);
        var individualInsatser = PerInsatsCalculator.KnownInsatser(input).Where(i => i.Facts?.Kind != InsatsFacts.Structural).ToList();
        var withStays = individualInsatser
            .Where(i => i.Facts is null || i.Facts.Kind is InsatsFacts.Individual or InsatsFacts.GroupCourse)
            .Select(i => i.InsatsId)
            .ToHashSet(StringComparer.Ordinal);
        bool Counted(Stay s) => !s.Anonymous && withStays.Contains(s.InsatsId!);
        var ended = input.EndedStays.Where(Counted).Select(s => (Stay: s, Gender: SectionStays.GenderOf(input, s))).ToList();
        var active = input.ActiveStays.Where(Counted).Select(s => (Stay: s, Gender: SectionStays.GenderOf(input, s))).ToList();

        IReadOnlyList<GenderSplitTable> tables =
        [
            Table("alder", "Ålder", ageBands.Bands, Of(ended, s => [ageBands.BandOf(s.AgeBand)]), multiValued: false),
            Table("utbildning", "Utbildningsnivå", SectionRows.InOrder(ParticipantCodes.EducationLevels),
                Of(ended, s => [s.Start!.EducationLevel ?? SectionRows.Unknown]), multiValued: false),
            Table("ar-i-offentlig-forsorjning", "År i offentlig försörjning före start", YearsInSupportBands,
                Of(ended, s => [YearsInSupportBandOf(s.Start!.YearsInSupport)]), multiValued: false),
            Table("tid-i-insats", "Tid i insats", timeBands.Bands, Of(ended, s => [timeBands.BandOf(SectionStays.MonthsIn(s))]), multiValued: false),
            Table("avslutsorsaker", "Avslutsorsaker", SectionRows.InOrder(ParticipantCodes.EndReasons), Of(ended, s => s.End!.Reasons), multiValued: true),
            Table("sysselsattning-vid-avslut", "Sysselsättning vid avslut", SectionRows.InOrder(ParticipantCodes.Sysselsattning),
                Of(ended, s => [s.End!.SysselsattningAtEnd]), multiValued: false),
            Table("forsorjning-vid-start", "Försörjning vid start", SectionRows.InOrder(ParticipantCodes.Forsorjning),
                Of(ended, s => s.Start!.ForsorjningAtStart), multiValued: true),
            Table("forsorjning-vid-avslut", "Försörjning vid avslut", SectionRows.InOrder(ParticipantCodes.Forsorjning),
                Of(ended, s => s.End!.ForsorjningAtEnd), multiValued: true),
            Table("floden", "Deltagarflöden", FlowRows(input.Period), Of(active, s => FlowCodes(s, input.Period)), multiValued: true),
            ParticipantsPerInsats(input, individualInsatser),
        ];

        var women = ended.Count(e => e.Gender == ParticipantGenders.Woman);
        var men = ended.Count(e => e.Gender == ParticipantGenders.Man);
        return new GenderSplitSection(Count.Of(women), Count.Of(men), tables, Count.Of(ended.Count));
    }

    internal static string YearsInSupportBandOf(int? years) => years switch
    {
        null => SectionRows.Unknown,
        <= 2 => "0-2",
        <= 5 => "3-5",
        <= 9 => "6-9",
        _ => "10+",
    };

    private static IReadOnlyList<CodeLabel> FlowRows(ReportPeriod period) =>
        [new("nya", SectionStays.During(period, "Nya")), new("avslutade", SectionStays.During(period, "Avslutade"))];

    private static IEnumerable<string> FlowCodes(Stay stay, ReportPeriod period)
    {
        if (stay.StartedIn(period))
        {
            yield return "nya";
        }

        if (stay.EndedIn(period))
        {
            yield return "avslutade";
        }
    }

    private static GenderSplitTable ParticipantsPerInsats(ReportInput input, IReadOnlyList<(string InsatsId, InsatsFacts? Facts)> insatser)
    {
        var ids = insatser.Select(i => i.InsatsId).ToHashSet(StringComparer.Ordinal);
        // Per person (one pass): the insatser of their stays, and their latest-starting stay for the gender.
        var byPerson = new Dictionary<string, (Stay Latest, List<string> Codes)>(StringComparer.Ordinal);
        foreach (var stay in input.ActiveStays.Where(s => !s.Anonymous && ids.Contains(s.InsatsId!)))
        {
            if (byPerson.TryGetValue(stay.ParticipantId!, out var person))
            {
                person.Codes.Add(stay.InsatsId!);
                if (SectionStays.StartsLater(stay, person.Latest))
                {
                    byPerson[stay.ParticipantId!] = (stay, person.Codes);
                }
            }
            else
            {
                byPerson[stay.ParticipantId!] = (stay, [stay.InsatsId!]);
            }
        }

        var people = byPerson.Values
            .Select(person => (Gender: SectionStays.GenderOf(input, person.Latest), Codes: (IEnumerable<string>)person.Codes))
            .ToList();

        // Count-only insatser (pinnstatistik) are in this table and nowhere else: each registered woman, man or other
        // is one item of their insats' row, and so in the table's denominators too.
        var registered = input.Model.CountRegistrations.CountsByInsats(input.Period);
        foreach (var (insatsId, facts) in insatser.Where(i => i.Facts?.Kind == InsatsFacts.CountOnly))
        {
            if (registered.TryGetValue(insatsId, out var counts))
            {
                IEnumerable<string> codes = [insatsId];
                people.AddRange(Enumerable.Repeat((ParticipantGenders.Woman, codes), counts.Women));
                people.AddRange(Enumerable.Repeat((ParticipantGenders.Man, codes), counts.Men));
                people.AddRange(Enumerable.Repeat((ParticipantGenders.Other, codes), counts.Other));
            }
        }

        var rows = insatser.Select(i => new CodeLabel(i.InsatsId, i.Facts?.Name ?? PerInsatsCalculator.UnknownName)).ToList();
        return Table("deltagare-per-insats", "Deltagare per insats", rows, people, multiValued: true);
    }

    private static IReadOnlyList<(string Gender, IEnumerable<string> Codes)> Of(
        IEnumerable<(Stay Stay, string Gender)> stays, Func<Stay, IEnumerable<string>> codes) =>
        stays.Select(s => (s.Gender, codes(s.Stay))).ToList();

    private static GenderSplitTable Table(
        string code, string title, IReadOnlyList<CodeLabel> codes, IReadOnlyList<(string Gender, IEnumerable<string> Codes)> items, bool multiValued)
    {
        var counts = new Dictionary<(string Code, string Gender), int>();
        foreach (var (gender, itemCodes) in items)
        {
            var group = gender is ParticipantGenders.Woman or ParticipantGenders.Man ? gender : ParticipantGenders.Other;
            foreach (var itemCode in SectionRows.DistinctCodes(itemCodes))
            {
                counts[(itemCode, group)] = counts.GetValueOrDefault((itemCode, group)) + 1;
            }
        }

        var women = items.Count(i => i.Gender == ParticipantGenders.Woman);
        var men = items.Count(i => i.Gender == ParticipantGenders.Man);
        var rows = SectionRows.RowsOf(codes, counts.Keys.Select(k => k.Code)).Select(row =>
        {
            var w = counts.GetValueOrDefault((row.Code, ParticipantGenders.Woman));
            var m = counts.GetValueOrDefault((row.Code, ParticipantGenders.Man));
            var o = counts.GetValueOrDefault((row.Code, ParticipantGenders.Other));
            return new GenderSplitRow(row.Code, row.Label, Count.Of(w), Count.Of(m), Percent.Of(w, women), Percent.Of(m, men), Count.Of(w + m + o));
        }).ToList();
        return new GenderSplitTable(code, title, Count.Of(women), Count.Of(men), multiValued, rows, Count.Of(items.Count));
    }
}
