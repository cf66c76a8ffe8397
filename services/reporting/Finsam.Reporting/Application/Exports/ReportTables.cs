using Finsam.Reporting.Domain.Reports;

namespace Finsam.Reporting.Application.Exports;

/// <summary>
/// The report as named tables, one per section or sub-table, with Swedish headings: what the CSV files and the HTML
/// report both print. It formats nothing and hides nothing itself: a protected report's hidden counts arrive hidden.
/// </summary>
public static class ReportTables
{
    public const string MultiValuedNote = "En person kan ha flera värden; summan kan överstiga antalet personer.";

    public static IReadOnlyList<ReportTable> For(AnnualReport report)
    {
        var words = new PeriodWords(report.Scope.IsCalendarYear);
        var tables = new List<ReportTable>
        {
            Scope(report),
            Flows(report, words),
            Anonymous(report.Anonymous, words),
            Results(report.Results, words),
        };
        tables.AddRange(Profile(report.Profile));
        tables.AddRange(Origin(report.Origin, words));
        tables.Add(Transition("overgang-forsorjning-sysselsattning", "Försörjning vid start → sysselsättning vid avslut", report.Transitions.ForsorjningToSysselsattning));
        tables.Add(Transition("overgang-forsorjning-forsorjning", "Försörjning vid start → försörjning vid avslut", report.Transitions.ForsorjningToForsorjning));
        tables.Add(Transition("overgang-sysselsattning-sysselsattning", "Sysselsättning vid start → sysselsättning vid avslut", report.Transitions.SysselsattningToSysselsattning));
        tables.Add(Plans(report.Plans));
        tables.Add(Goals(report.Goals));
        tables.AddRange(SelfAssessment(report.SelfAssessment));
        tables.AddRange(GroupWork(report.GroupWork));
        tables.AddRange(Survey(report.Survey));
        if (report.PerInsats is { } perInsats)
        {
            tables.Add(PerInsats(perInsats, words));
        }

        if (report.GenderSplit is { } split)
        {
            tables.AddRange(GenderSplit(split));
        }

        var anonymousNote = AnonymousNote(report.Anonymous);
        return [.. tables.Select(t => IsIndividualLevel(t.Id) && anonymousNote is not null ? t with { Notes = [.. t.Notes, anonymousNote] } : t)];
    }

    /// <summary>"året" for a calendar year, "perioden" for any other range.</summary>
    private sealed record PeriodWords(bool Year)
    {
        public string During => Year ? "under året" : "under perioden";

        public string AtEnd => Year ? "vid årets slut" : "vid periodens slut";

        public string Previous => Year ? "föregående år" : "föregående period";
    }

    private static readonly string[] IndividualLevelPrefixes = ["resultat", "profil", "ursprung", "overgang", "planer"];

    private static bool IsIndividualLevel(string id) => IndividualLevelPrefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal));

    /// <summary>Every individual-level table says how many anonymous enrolments it leaves out.</summary>
    private static string? AnonymousNote(AnonymousSection a)
    {
        if (a.ActiveAnonymous.Value == 0 && a.EndedAnonymous.Value == 0)
        {
            return null;
        }

        return $"Anonyma inskrivningar ingår i totalerna men inte i den individuella statistiken: {CellText.Format(a.ActiveAnonymous)} av "
            + $"{CellText.Format(a.ActiveTotal)} aktuella och {CellText.Format(a.EndedAnonymous)} av {CellText.Format(a.EndedTotal)} avslutade är utelämnade.";
    }

    private static ReportTable Scope(AnnualReport report)
    {
        var s = report.Scope;
        var notes = new List<string>();
        if (s.Protected)
        {
            notes.Add($"Små tal är skyddade: antal 1–4 visas som \"{CellText.SmallMark}\" och tal som annars skulle avslöja dem som \"{CellText.SecondaryMark}\". "
                + "Andelar och medelvärden som bygger på dolda tal visas inte.");
        }

        return new ReportTable(
            "rapport",
            "Rapportens omfattning",
            ["Uppgift", "Värde"],
            [
                [ReportCell.Of("Insats"), ReportCell.Of(s.InsatsName ?? "Hela förbundet")],
                [ReportCell.Of("Typ av insats"), s.InsatsKind is null ? ReportCell.Empty : ReportCell.Of(s.InsatsKind)],
                [ReportCell.Of("Från"), ReportCell.Of(s.From)],
                [ReportCell.Of("Till"), ReportCell.Of(s.To)],
                [ReportCell.Of("Version"), ReportCell.Of(s.Protected ? "Publik (små tal skyddade)" : "Intern (exakta tal)")],
                [ReportCell.Of("Underlag till och med händelse nr"), new NumberCell(s.AsOfSequence)],
                [ReportCell.Of("Uppgifter finns från"), s.DataFrom is { } dataFrom ? ReportCell.Of(dataFrom) : ReportCell.Empty],
                [ReportCell.Of("Preliminär (perioden pågår)"), ReportCell.Of(s.Preliminary ? "Ja" : "Nej")],
            ],
            notes);
    }

    private static ReportTable Flows(AnnualReport report, PeriodWords words)
    {
        var (now, before) = (report.Flows.Current, report.Flows.Previous);
        IReadOnlyList<ReportCell> Row(string label, Func<FlowCounts, FlowCount> pick) =>
            [ReportCell.Of(label), ReportCell.Of(pick(now).Enrolments), ReportCell.Of(pick(now).Persons), ReportCell.Of(pick(before).Enrolments), ReportCell.Of(pick(before).Persons)];

        var previous = $"{char.ToUpperInvariant(words.Previous[0])}{words.Previous[1..]}";
        var notes = new List<string>
        {
            "Räknat per inskrivning; en person som skrivits in flera gånger räknas en gång under Personer.",
            $"{previous}: {CellText.Format(ReportCell.Of(before.From))} – {CellText.Format(ReportCell.Of(before.To))}.",
        };
        if (report.Flows.BudgetedPlaces is { } places)
        {
            notes.Add($"Budgeterade platser: {places}.");
        }

        if (!report.Scope.Protected && report.Flows.ParkedEnrolments > 0)
        {
            notes.Add($"{report.Flows.ParkedEnrolments} inskrivningar väntar på sin start (t.ex. ett avslut som kom före inskrivningen) och ingår inte.");
        }

        return new ReportTable(
            "floden",
            "Flöden: aktuella, nya, avslutade",
            ["Mått", "Inskrivningar", "Personer", $"Inskrivningar {words.Previous}", $"Personer {words.Previous}"],
            [
                Row($"Aktuella (inskrivna någon gång {words.During})", f => f.Active),
                Row($"Nya (startade {words.During})", f => f.Started),
                Row($"Avslutade {words.During}", f => f.Ended),
                Row($"Aktuella {words.AtEnd}", f => f.ActiveAtPeriodEnd),
            ],
            notes);
    }

    private static ReportTable Anonymous(AnonymousSection a, PeriodWords words) => new(
        "anonyma",
        "Anonyma inskrivningar",
        ["Grupp", "Totalt", "Anonyma", "I statistiken"],
        [
            [ReportCell.Of($"Aktuella {words.During}"), ReportCell.Of(a.ActiveTotal), ReportCell.Of(a.ActiveAnonymous), ReportCell.Of(a.ActiveInStatistics)],
            [ReportCell.Of($"Avslutade {words.During}"), ReportCell.Of(a.EndedTotal), ReportCell.Of(a.EndedAnonymous), ReportCell.Of(a.EndedInStatistics)],
        ],
        ["Anonyma inskrivningar räknas i totalerna men inte i den individuella statistiken."]);

    private static ReportTable Results(ResultsSection r, PeriodWords words)
    {
        IReadOnlyList<ReportCell> Row(string label, Count count) => [ReportCell.Of(label), ReportCell.Of(count), ReportCell.Of(Share(count, r.Ended))];

        List<IReadOnlyList<ReportCell>> rows =
        [
            [ReportCell.Of($"Avslutade {words.During}"), ReportCell.Of(r.Ended), ReportCell.Empty],
            Row("Till arbete", r.ToWork.Total),
            Row("Till arbete, kvinnor", r.ToWork.Women),
            Row("Till arbete, män", r.ToWork.Men),
            Row("Till arbete, annat kön", r.ToWork.Other),
            Row("Till studier", r.ToStudies),
            Row("Till aktivt arbetssökande", r.ToActiveJobSeeking),
            [ReportCell.Of("Till arbete eller studier"), ReportCell.Of(r.ToWorkOrStudies), ReportCell.Of(r.WorkOrStudiesPercent)],
        ];
        if (r.TargetPercent is { } target)
        {
            rows.Add([ReportCell.Of("Mål: andel till arbete eller studier (%)"), ReportCell.Empty, ReportCell.Of((decimal?)target)]);
            rows.Add([ReportCell.Of("Målet nått"), ReportCell.Of(r.MeetsTarget), ReportCell.Empty]);
        }

        return new ReportTable("resultat", "Resultat bland avslutade", ["Mått", "Antal", "Andel av avslutade (%)"], rows,
            ["Andelarna räknas på de avslutade som inte är anonyma."]);
    }

    private static IEnumerable<ReportTable> Profile(ProfileSection p)
    {
        yield return Distribution("profil-kon", "Avslutade: kön", p.Gender);
        yield return Distribution("profil-alder", "Avslutade: ålder", p.AgeBands);
        yield return Distribution("profil-utbildning", "Avslutade: utbildningsnivå", p.Education);
        yield return Distribution("profil-forsorjning", "Avslutade: försörjning vid start", p.ForsorjningAtStart);
        yield return Distribution("profil-tid", "Avslutade: tid i insatsen (månader)", p.TimeInInsatsBands);
        yield return Distribution("profil-avslutsorsak", "Avslutade: avslutsorsaker", p.EndReasons);
        yield return new ReportTable(
            "profil-tal",
            "Avslutade: tid i offentlig försörjning och i insatsen",
            ["Mått", "Antal med uppgift", "Lägst", "Högst", "Medel"],
            [
                Summary("År i offentlig försörjning före start", p.YearsInSupport),
                Summary("Månader i insatsen", p.MonthsInInsats),
                Summary("Dagar i insatsen", p.DaysInInsats),
                [ReportCell.Of($"Fler än {p.YearsInSupportThreshold} år i offentlig försörjning"), ReportCell.Of(p.YearsInSupportAboveThreshold), ReportCell.Empty, ReportCell.Empty, ReportCell.Empty],
            ],
            [$"Avslutade: {CellText.Format(p.Ended)}."]);
    }

    private static IEnumerable<ReportTable> Origin(OriginSection o, PeriodWords words)
    {
        yield return Distribution("ursprung-remittent", "Varifrån deltagarna kom: remitterande aktör", o.ReferralsByAgency);
        yield return new ReportTable(
            "ursprung-status",
            "Inskrivningarnas status",
            ["Status", "Antal"],
            [
                [ReportCell.Of($"Inskrivna {words.During}"), ReportCell.Of(o.Enrolled)],
                [ReportCell.Of($"Avslutade {words.During}"), ReportCell.Of(o.Ended)],
                [ReportCell.Of($"Pågående {words.AtEnd}"), ReportCell.Of(o.Ongoing)],
                [ReportCell.Of("Avbrutit"), ReportCell.Of(o.Discontinued)],
            ],
            [
                $"Dagar i insatsen bland avslutade: {RangeText(o.DaysInInsats)}.",
                "Avbrutit: avslutade av skäl som innebär att insatsen bröts (t.ex. utan mätning, återtaget medgivande, flytt, sjukdom).",
            ]);
    }

    private static string RangeText(NumberSummary s) =>
        s is { Min: { } min, Max: { } max, Mean: { } mean }
            ? $"mellan {CellText.Number(min)} och {CellText.Number(max)}, medel {CellText.Number(mean)} (n = {CellText.Format(s.N)})"
            : $"visas inte (n = {CellText.Format(s.N)})";

    private static ReportTable Transition(string id, string title, TransitionTable t)
    {
        var rows = t.Rows.Select(r => (IReadOnlyList<ReportCell>)
        [
            ReportCell.Of(r.FromLabel), ReportCell.Of(r.ToLabel),
            ReportCell.Of(r.People.Women), ReportCell.Of(r.People.Men), ReportCell.Of(r.People.Other), ReportCell.Of(r.People.Total),
            ReportCell.Of(Share(r.People.Total, t.Denominator)),
        ]).ToList();
        var notes = new List<string> { $"Nämnare: {CellText.Format(t.Denominator)} {t.DenominatorLabel}." };
        if (t.MultiValued)
        {
            notes.Add(MultiValuedNote);
        }

        return new ReportTable(id, title, ["Från", "Till", "Kvinnor", "Män", "Annat kön", "Totalt", "Andel av nämnaren (%)"], rows, notes);
    }

    private static ReportTable Plans(PlanSection p)
    {
        List<IReadOnlyList<ReportCell>> rows =
        [
            [ReportCell.Of("Inskrivna (ej anonyma)"), ReportCell.Of(p.Enrolled), ReportCell.Empty],
            [ReportCell.Of("Med aktuell handlingsplan"), ReportCell.Of(p.WithCurrentPlan), ReportCell.Of(p.CurrentPlanPercent)],
        ];
        if (p.DeadlineDays is { } days)
        {
            rows.Add([ReportCell.Of($"Startade med planfrist ({days} dagar)"), ReportCell.Of(p.PlanInTimeDenominator), ReportCell.Empty]);
            rows.Add([ReportCell.Of("Plan inom fristen"), ReportCell.Of(p.WithPlanInTime), ReportCell.Of(p.PlanInTimePercent)]);
        }

        return new ReportTable("planer", "Handlingsplaner", ["Mått", "Antal", "Andel (%)"], rows, []);
    }

    private static ReportTable Goals(GoalsSection g) => new(
        "mal",
        "Mål och utfall",
        ["Mål", "Enhet", "Målvärde", "Utfall", "Uppnått"],
        [.. g.Goals.Select(r => (IReadOnlyList<ReportCell>)
        [
            ReportCell.Of(r.Label), ReportCell.Of(Domain.Reports.Protection.ReportRewriter.IsPercent(r.Unit) ? "%" : "personer"),
            ReportCell.Of((decimal?)r.Target), ReportCell.Of(r.Actual), ReportCell.Of(r.Met),
        ])],
        []);

    private static IEnumerable<ReportTable> SelfAssessment(SelfAssessmentSection s)
    {
        yield return new ReportTable(
            "sjalvskattning",
            "Självskattning: förändring från start till avslut",
            ["Instrument", "Par (start och avslut)", "Förbättrade områden minst", "Antal", "Andel (%)"],
            [.. s.Instruments.Select(i => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(i.Instrument), ReportCell.Of(i.Pairs), ReportCell.Of($"{i.ImprovedThreshold} av {i.AreaCount}"),
                ReportCell.Of(i.AtLeastThresholdImproved), ReportCell.Of(i.AtLeastThresholdPercent),
            ])],
            []);
        foreach (var (instrument, index) in s.Instruments.Select((i, n) => (i, n + 1)))
        {
            yield return new ReportTable(
                $"sjalvskattning-{index}",
                $"Självskattning per område: {instrument.Instrument}",
                ["Område", "Antal", "Medel vid start", "Medel vid avslut", "Förbättrade"],
                [.. instrument.Areas.Select(a => (IReadOnlyList<ReportCell>)
                [
                    ReportCell.Of(a.Area), ReportCell.Of(a.N), ReportCell.Of(a.MeanAtStart), ReportCell.Of(a.MeanAtEnd), ReportCell.Of(a.Improved),
                ])],
                []);
        }
    }

    private static IEnumerable<ReportTable> GroupWork(GroupWorkSection g)
    {
        yield return new ReportTable(
            "gruppverksamhet",
            "Gruppverksamhet",
            ["Mått", "Värde"],
            [
                [ReportCell.Of("Grupper med träffar"), ReportCell.Of(g.Groups)],
                [ReportCell.Of("Avslutade grupper"), ReportCell.Of(g.GroupsCompleted)],
                [ReportCell.Of("Inställda grupper"), ReportCell.Of(g.GroupsCancelled)],
                [ReportCell.Of("Genomförda träffar"), ReportCell.Of(g.TraffarHeld)],
                [ReportCell.Of("Deltagare som började"), ReportCell.Of(g.ParticipantsStarted)],
                [ReportCell.Of("Deltagare som fullföljde"), ReportCell.Of(g.ParticipantsCompleted)],
                [ReportCell.Of("Närvaro (%)"), ReportCell.Of(g.AttendancePercent)],
                [ReportCell.Of("Utvärderingar"), ReportCell.Of(g.EvaluationForms)],
            ],
            []);
        var ratings = Enumerable.Range(1, 6).ToList();
        yield return new ReportTable(
            "gruppverksamhet-utvardering",
            "Gruppverksamhet: utvärderingar (1–6, 6 bäst)",
            ["Påstående", "Antal svar", "Medel", .. ratings.Select(r => $"Betyg {r}")],
            [.. g.Evaluations.Select(e => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(e.Statement), ReportCell.Of(e.N), ReportCell.Of(e.Mean),
                .. ratings.Select(r => e.Distribution.FirstOrDefault(t => t.Code == r.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } t
                    ? ReportCell.Of(t.Count) : ReportCell.Empty),
            ])],
            []);
    }

    private static IEnumerable<ReportTable> Survey(SurveySection s)
    {
        yield return new ReportTable(
            "enkat",
            "Deltagarenkät: indikatorer",
            ["Instrument", "Version", "Fråga", "Antal svar", "Tröskel", "Minst tröskeln", "Andel (%)"],
            [.. s.Questions.Select(q => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(q.InstrumentId), ReportCell.Of(q.InstrumentVersion), ReportCell.Of(q.QuestionCode), ReportCell.Of(q.N),
                q.ThresholdOption is null ? ReportCell.Empty : ReportCell.Of(q.ThresholdOption),
                q.AtOrAboveThreshold is null ? ReportCell.Empty : ReportCell.Of(q.AtOrAboveThreshold), ReportCell.Of(q.AtOrAbovePercent),
            ])],
            []);
        yield return new ReportTable(
            "enkat-svar",
            "Deltagarenkät: svarsfördelning",
            ["Instrument", "Version", "Fråga", "Svar", "Antal", "Andel (%)"],
            [.. s.Questions.SelectMany(q => q.Distribution.Select(t => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(q.InstrumentId), ReportCell.Of(q.InstrumentVersion), ReportCell.Of(q.QuestionCode),
                ReportCell.Of(t.Label), ReportCell.Of(t.Count), ReportCell.Of(t.Percent),
            ]))],
            []);
    }

    private static ReportTable PerInsats(IReadOnlyList<InsatsSummaryRow> rows, PeriodWords words) => new(
        "per-insats",
        "Insatser: flöden och deltagare per kön",
        [
            "Insats", "Typ", "Individuell", "Budgeterade platser", "Aktuella", "Nya", "Avslutade", $"Aktuella {words.AtEnd}",
            "Kvinnor", "Män", "Annat kön", "Deltagare totalt",
        ],
        [.. rows.Select(r => (IReadOnlyList<ReportCell>)
        [
            ReportCell.Of(r.Name), ReportCell.Of(r.Kind), ReportCell.Of((bool?)r.Individual), ReportCell.Of(r.BudgetedPlaces),
            ReportCell.Of(r.Active.Enrolments), ReportCell.Of(r.Started.Enrolments), ReportCell.Of(r.Ended.Enrolments), ReportCell.Of(r.ActiveAtPeriodEnd.Enrolments),
            ReportCell.Of(r.ParticipantsByGender.Women), ReportCell.Of(r.ParticipantsByGender.Men), ReportCell.Of(r.ParticipantsByGender.Other),
            ReportCell.Of(r.ParticipantsByGender.Total),
        ])],
        ["Flödena räknas per inskrivning. Insatser som bara registrerar antal per kön finns med här och ingen annanstans."]);

    private static IEnumerable<ReportTable> GenderSplit(GenderSplitSection s)
    {
        yield return new ReportTable(
            "kon",
            "Könsuppdelad statistik: avslutade i individuella insatser",
            ["Kön", "Antal"],
            [[ReportCell.Of("Kvinnor"), ReportCell.Of(s.Women)], [ReportCell.Of("Män"), ReportCell.Of(s.Men)]],
            []);
        foreach (var t in s.Tables)
        {
            var notes = new List<string> { $"Andel av kvinnorna ({CellText.Format(t.WomenDenominator)}) och av männen ({CellText.Format(t.MenDenominator)})." };
            if (t.MultiValued)
            {
                notes.Add(MultiValuedNote);
            }

            yield return new ReportTable(
                $"kon-{t.Code}",
                $"Könsuppdelad statistik: {t.Title}",
                ["Kategori", "Kvinnor", "Andel kvinnor (%)", "Män", "Andel män (%)"],
                [.. t.Rows.Select(r => (IReadOnlyList<ReportCell>)
                [
                    ReportCell.Of(r.Label), ReportCell.Of(r.Women), ReportCell.Of(r.WomenPercent), ReportCell.Of(r.Men), ReportCell.Of(r.MenPercent),
                ])],
                notes);
        }
    }

    private static ReportTable Distribution(string id, string title, Distribution d)
    {
        var rows = d.Rows.Select(t => (IReadOnlyList<ReportCell>)[ReportCell.Of(t.Label), ReportCell.Of(t.Count), ReportCell.Of(t.Percent)]).ToList();
        rows.Add([ReportCell.Of($"Totalt ({d.DenominatorLabel})"), ReportCell.Of(d.Denominator), ReportCell.Empty]);
        return new ReportTable(id, title, ["Kategori", "Antal", "Andel (%)"], rows, d.MultiValued ? [MultiValuedNote] : []);
    }

    private static IReadOnlyList<ReportCell> Summary(string label, NumberSummary s) =>
        [ReportCell.Of(label), ReportCell.Of(s.N), ReportCell.Of(s.Min), ReportCell.Of(s.Max), ReportCell.Of(s.Mean)];

    /// <summary>A share for display only, from two shown counts; nothing when either is hidden.</summary>
    private static decimal? Share(Count part, Count whole) =>
        part.Value is { } p && whole.Value is { } w && !part.IsSuppressed && !whole.IsSuppressed ? Percent.Of(p, w) : null;
}
