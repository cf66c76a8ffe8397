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
        var table = input.Table;
        var individualInsatser = PerInsatsCalculator.KnownInsatser(input).Where(i => i.Facts?.Kind != InsatsFacts.Structural).ToList();
        var withStays = table.Select(individualInsatser
            .Where(i => i.Facts is null || i.Facts.Kind is InsatsFacts.Individual or InsatsFacts.GroupCourse)
            .Select(i => i.InsatsId));
        bool Counted(int row) => !table.IsAnonymous(row) && withStays.Contains(table.InsatsOf(row));

        // The ended's tables in one pass over them, each stay with its gender as it now stands.
        var period = input.Period;
        GenderCodeCounts age = new(), education = new(), yearsInSupport = new(), timeInInsats = new(), endReasons = new(),
            sysselsattningAtEnd = new(), forsorjningAtStart = new(), forsorjningAtEnd = new(), flows = new();
        foreach (var row in table.Ended)
        {
            if (!Counted(row))
            {
                continue;
            }

            var stay = table[row];
            var gender = table.GenderOf(row);
            age.Add(gender, ageBands.BandOf(stay.AgeBand));
            education.Add(gender, stay.Start!.EducationLevel ?? SectionRows.Unknown);
            yearsInSupport.Add(gender, YearsInSupportBandOf(stay.Start.YearsInSupport));
            timeInInsats.Add(gender, timeBands.BandOf(SectionStays.MonthsIn(stay)));
            endReasons.AddEach(gender, stay.End!.Reasons);
            sysselsattningAtEnd.Add(gender, stay.End.SysselsattningAtEnd);
            forsorjningAtStart.AddEach(gender, stay.Start.ForsorjningAtStart);
            forsorjningAtEnd.AddEach(gender, stay.End.ForsorjningAtEnd);
        }

        // Flows over the active: a stay may be both new and ended, or neither.
        foreach (var row in table.Active)
        {
            if (!Counted(row))
            {
                continue;
            }

            var gender = table.GenderOf(row);
            flows.Item(gender);
            if (table.StartedIn(row, period))
            {
                flows.Code(gender, "nya");
            }

            if (table.EndedIn(row, period))
            {
                flows.Code(gender, "avslutade");
            }
        }

        IReadOnlyList<GenderSplitTable> tables =
        [
            age.ToTable("alder", "Ålder", ageBands.Bands, multiValued: false),
            education.ToTable("utbildning", "Utbildningsnivå", SectionRows.InOrder(ParticipantCodes.EducationLevels), multiValued: false),
            yearsInSupport.ToTable("ar-i-offentlig-forsorjning", "År i offentlig försörjning före start", YearsInSupportBands, multiValued: false),
            timeInInsats.ToTable("tid-i-insats", "Tid i insats", timeBands.Bands, multiValued: false),
            endReasons.ToTable("avslutsorsaker", "Avslutsorsaker", SectionRows.InOrder(ParticipantCodes.EndReasons), multiValued: true),
            sysselsattningAtEnd.ToTable("sysselsattning-vid-avslut", "Sysselsättning vid avslut", SectionRows.InOrder(ParticipantCodes.Sysselsattning), multiValued: false),
            forsorjningAtStart.ToTable("forsorjning-vid-start", "Försörjning vid start", SectionRows.InOrder(ParticipantCodes.Forsorjning), multiValued: true),
            forsorjningAtEnd.ToTable("forsorjning-vid-avslut", "Försörjning vid avslut", SectionRows.InOrder(ParticipantCodes.Forsorjning), multiValued: true),
            flows.ToTable("floden", "Deltagarflöden", FlowRows(period), multiValued: true),
            ParticipantsPerInsats(input, individualInsatser),
        ];

        return new GenderSplitSection(Count.Of(age.Women), Count.Of(age.Men), tables, Count.Of(age.Items));
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

    /// <remarks>
    /// Each person is one item, with the gender of their latest-starting stay among those counted, and in the row of
    /// every insats they have a stay of (once however many stays); counted insats by insats, a mark per person.
    /// </remarks>
    private static GenderSplitTable ParticipantsPerInsats(ReportInput input, IReadOnlyList<(string InsatsId, InsatsFacts? Facts)> insatser)
    {
        var table = input.Table;
        var included = table.Select(insatser.Select(i => i.InsatsId));
        var period = input.Period;
        var counts = new GenderCodeCounts();

        // Each person once, in the denominators, by the gender of their latest-starting stay among those counted.
        var latest = new PersonSlots(table.Count);
        foreach (var person in table.LatestRows(table.Active.Where(row => !table.IsAnonymous(row) && included.Contains(table.InsatsOf(row))), latest))
        {
            counts.Item(table.GenderOf(latest.Get(person)));
        }

        // In each insats' row once, however many stays they have there.
        var inInsats = new PersonSet(table.Count);
        foreach (var (insatsId, _) in insatser)
        {
            if (table.InsatsNumberOf(insatsId) is var number and not StayTable.NoInsats)
            {
                inInsats.Clear();
                foreach (var row in table.RowsOf(number))
                {
                    if (!table.IsAnonymous(row) && table.IsActiveIn(row, period) && inInsats.Add(table.PersonOf(row)))
                    {
                        counts.Code(table.GenderOf(latest.Get(table.PersonOf(row))), insatsId);
                    }
                }
            }
        }

        // Count-only insatser (pinnstatistik) are in this table and nowhere else: each registered woman, man or other
        // is one item of their insats' row, and so in the table's denominators too.
        var registered = input.Model.CountRegistrations.CountsByInsats(period);
        foreach (var (insatsId, facts) in insatser.Where(i => i.Facts?.Kind == InsatsFacts.CountOnly))
        {
            if (registered.TryGetValue(insatsId, out var registeredCounts))
            {
                counts.Add(ParticipantGenders.Woman, insatsId, registeredCounts.Women);
                counts.Add(ParticipantGenders.Man, insatsId, registeredCounts.Men);
                counts.Add(ParticipantGenders.Other, insatsId, registeredCounts.Other);
            }
        }

        var rows = insatser.Select(i => new CodeLabel(i.InsatsId, i.Facts?.Name ?? PerInsatsCalculator.UnknownName)).ToList();
        return counts.ToTable("deltagare-per-insats", "Deltagare per insats", rows, multiValued: true);
    }
}

/// <summary>
/// One gender-split table counted item by item: per row the women, men and others, and per table the items and the
/// women and men among them (the percentages' denominators). An item's code counts once in its row however often the
/// item has it; genders other than woman and man are "other", counted in the totals only.
/// </summary>
internal sealed class GenderCodeCounts
{
    private readonly Dictionary<string, GenderTally> _rows = new(StringComparer.Ordinal);
    private readonly GenderTally _items = new();

    public int Items => _items.Total;
    public int Women => _items.Women;
    public int Men => _items.Men;

    /// <summary>An item with one code.</summary>
    public void Add(string gender, string code)
    {
        Item(gender);
        Code(gender, code);
    }

    /// <summary><paramref name="times"/> items of one gender with one code.</summary>
    public void Add(string gender, string code, int times)
    {
        if (times == 0)
        {
            return; // no item: the code isn't seen
        }

        _items.Add(gender, times);
        RowOf(code).Add(gender, times);
    }

    /// <summary>An item with any number of codes (a multi-valued fact): each distinct code once.</summary>
    public void AddEach(string gender, IReadOnlyList<string> codes)
    {
        Item(gender);
        for (var i = 0; i < codes.Count; i++)
        {
            if (!SectionRows.SeenBefore(codes, i))
            {
                Code(gender, codes[i]);
            }
        }
    }

    /// <summary>An item, in the denominators; its codes come with <see cref="Code"/>.</summary>
    public void Item(string gender) => _items.Add(gender);

    /// <summary>One of an item's codes (the caller sees that an item's code comes once).</summary>
    public void Code(string gender, string code) => RowOf(code).Add(gender);

    public GenderSplitTable ToTable(string code, string title, IReadOnlyList<CodeLabel> codes, bool multiValued)
    {
        var rows = SectionRows.RowsOf(codes, _rows.Keys).Select(row =>
        {
            var tally = _rows.GetValueOrDefault(row.Code) ?? new GenderTally();
            return new GenderSplitRow(row.Code, row.Label, Count.Of(tally.Women), Count.Of(tally.Men),
                Percent.Of(tally.Women, Women), Percent.Of(tally.Men, Men), Count.Of(tally.Total));
        }).ToList();
        return new GenderSplitTable(code, title, Count.Of(Women), Count.Of(Men), multiValued, rows, Count.Of(Items));
    }

    private GenderTally RowOf(string code)
    {
        if (!_rows.TryGetValue(code, out var tally))
        {
            tally = new GenderTally();
            _rows[code] = tally;
        }

        return tally;
    }
}
