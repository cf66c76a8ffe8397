using Finsam.Reporting.Domain.Reports;

namespace Finsam.UnitTests.Reporting.Outputs;

/// <summary>
/// Hand-built exact reports with known figures (the outputs are tested apart from the calculators). The figures are
/// consistent where the protection relies on it: active = ended + active at the end, single-valued rows add up to their
/// denominators, the insatser's enrolments add up to the förbund's. Linked from the integration tests' browser test.
/// </summary>
public static class SampleReports
{
    public static Count C(int n) => Count.Of(n);

    public static GenderCounts G(int women, int men, int other = 0) => new(C(women), C(men), C(other), C(women + men + other));

    public static Distribution Dist(int denominator, string label, bool multiValued, params (string Code, string Label, int N)[] rows) =>
        new(C(denominator), label, multiValued, [.. rows.Select(r => new Tally(r.Code, r.Label, C(r.N), Percent.Of(r.N, denominator)))]);

    public static Distribution Single(params (string Code, string Label, int N)[] rows) =>
        Dist(rows.Sum(r => r.N), "avslutade under året", multiValued: false, rows);

    public static NumberSummary Summary(int n, decimal min, decimal max, decimal mean) => new(C(n), min, max, mean);

    public static TransitionRow Row(string from, string to, GenderCounts people) => new(from, Label(from), to, Label(to), people);

    private static string Label(string code) => code switch
    {
        "forsorjningsstod" => "Försörjningsstöd",
        "sjukpenning" => "Sjukpenning",
        "a-kassa" => "A-kassa",
        "anstallning" => "Anställning",
        "praktik" => "Praktik",
        "studier" => "Studier",
        "arbetslos" => "Arbetslös",
        _ => code,
    };

    /// <summary>One insats, 2025 (previous year 2024).</summary>
    public static AnnualReport Insats(string name = "Steget vidare")
    {
        var from = new DateOnly(2025, 1, 1);
        var to = new DateOnly(2025, 12, 31);
        return new AnnualReport(
            new ReportScope("insats-1", name, "individual", from, to, IsCalendarYear: true, Protected: false, AsOfSequence: 1234),
            new FlowSection(
                new FlowCounts(from, to, Flow(41, 39), Flow(24, 23), Flow(24, 23), Flow(17, 17)),
                new FlowCounts(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), Flow(20, 20), Flow(12, 12), Flow(3, 3), Flow(17, 17)),
                BudgetedPlaces: 25,
                ParkedEnrolments: 1),
            new AnonymousSection(C(41), C(6), C(35), C(24), C(3), C(21)),
            new ResultsSection(C(21), G(4, 6), C(3), C(5), C(13), Percent.Of(13, 21), 40, true),
            new ProfileSection(
                C(21),
                Single(("woman", "Kvinna", 12), ("man", "Man", 9), ("other", "Annat", 0)),
                Single(("15-29", "15–29", 2), ("30-44", "30–44", 8), ("45-59", "45–59", 7), ("60+", "60–", 4)),
                Single(("grundskola", "Grundskola", 9), ("gymnasium", "Gymnasium", 8), ("eftergymnasial", "Eftergymnasial", 3), ("okand", "Okänd", 1)),
                Summary(18, 1, 8, 4.2m),
                9,
                C(0),
                Dist(21, "avslutade under året", multiValued: true, ("forsorjningsstod", "Försörjningsstöd", 14), ("sjukpenning", "Sjukpenning", 3), ("a-kassa", "A-kassa", 6), ("ingen", "Ingen", 2)),
                Summary(21, 1, 14, 6.5m),
                Summary(21, 20, 430, 198.3m),
                Single(("0-3", "≤3", 5), ("4-6", "4–6", 7), ("7-9", "7–9", 6), ("10-12", "10–12", 3)),
                Dist(21, "avslutade under året", multiValued: true, ("arbete", "Arbete", 10), ("studier", "Studier", 3), ("annat", "Annat", 8))),
            new OriginSection(
                Dist(35, "inskrivna under året", multiValued: false, ("af", "Arbetsförmedlingen", 1), ("kommun", "Kommunen", 22), ("fk", "Försäkringskassan", 5), ("region", "Regionen", 7)),
                C(35), C(21), C(14), C(4), Summary(21, 20, 430, 198.3m)),
            new TransitionsSection(
                new TransitionTable("Försörjning vid start → sysselsättning vid avslut", C(21), "avslutade under året", MultiValued: true,
                    [Row("forsorjningsstod", "anstallning", G(3, 6)), Row("sjukpenning", "praktik", G(2, 1))]),
                new TransitionTable("Försörjning vid start → försörjning vid avslut", C(21), "avslutade under året", MultiValued: true,
                    [Row("forsorjningsstod", "ingen", G(5, 6)), Row("a-kassa", "ingen", G(2, 4))]),
                new TransitionTable("Sysselsättning vid start → sysselsättning vid avslut", C(21), "avslutade under året", MultiValued: false,
                    [Row("arbetslos", "anstallning", G(3, 6)), Row("arbetslos", "studier", G(1, 2)), Row("arbetslos", "arbetslos", G(6, 3))])),
            new PlanSection(C(35), C(30), Percent.Of(30, 35), 30, C(12), C(15), Percent.Of(12, 15)),
            new GoalsSection(
            [
                new GoalRow("enrolment", "Antal inskrivna", "people", 40, 41, true),
                new GoalRow("work-or-studies", "Till arbete eller studier", "percent", 40, Percent.Of(13, 21), true),
                new GoalRow("gender-balance", "Andel kvinnor", "percent", 50, Percent.Of(20, 35), true),
            ]),
            new SelfAssessmentSection(
            [
                new SelfAssessmentInstrument("livshjulet", C(12), 8, 3, C(7), Percent.Of(7, 12),
                [
                    new SelfAssessmentArea("Hälsa", C(12), 4.1m, 5.3m, C(6)),
                    new SelfAssessmentArea("Ekonomi", C(12), 3.2m, 3.6m, C(2)),
                ]),
            ]),
            new GroupWorkSection(C(3), C(2), C(1), C(24), C(18), C(14), 82.5m, C(11),
            [
                new EvaluationStatementResult("Jag fick det stöd jag behövde", C(11), 5.1m,
                    [.. new[] { 0, 0, 1, 1, 5, 4 }.Select((n, i) => new Tally($"{i + 1}", $"{i + 1}", C(n), Percent.Of(n, 11)))]),
            ]),
            new SurveySection(
            [
                new SurveyQuestionResult("nns-deltagare", 1, "Q1", C(9),
                    [
                        new Tally("aldrig", "Aldrig", C(0), 0m), new Tally("sallan", "Sällan", C(1), Percent.Of(1, 9)),
                        new Tally("ibland", "Ibland", C(2), Percent.Of(2, 9)), new Tally("ofta", "Ofta", C(3), Percent.Of(3, 9)),
                        new Tally("alltid", "Alltid", C(3), Percent.Of(3, 9)),
                    ],
                    "ofta", C(6), Percent.Of(6, 9)),
            ]),
            PerInsats: null,
            GenderSplit: null);
    }

    /// <summary>
    /// <see cref="Insats"/> with none of the ended enrolments anonymous (21 ended, all in the statistics; 20 still
    /// enrolled at the end, the 6 anonymous among them). In <see cref="Insats"/> the 3 anonymous of 24 ended cost the 21
    /// ended in the statistics (24 = 3 + 21, the 24 shown in the flows), and that 21 is linked to every denominator of the
    /// ended: tests of one table's own rule use this one so the cascade doesn't reach them.
    /// </summary>
    public static AnnualReport InsatsWithoutAnonymousEndings()
    {
        var insats = Insats();
        return insats with
        {
            Flows = insats.Flows with { Current = insats.Flows.Current with { Ended = Flow(21, 20), ActiveAtPeriodEnd = Flow(20, 20) } },
            Anonymous = new AnonymousSection(C(41), C(6), C(35), C(21), C(0), C(21)),
        };
    }

    /// <summary>
    /// A plain insats report whose linked figures agree as a built one's do: <paramref name="active"/> enrolments (one
    /// person each) of which <paramref name="ended"/> ended, <paramref name="anonymousActive"/> / <paramref name="anonymousEnded"/>
    /// of them anonymous; the ended in the statistics fill one row of every profile table, the active in the statistics
    /// one agency. Nothing else: results, goals, survey, years in support and the rest are empty or zero.
    /// </summary>
    public static AnnualReport Consistent(int active, int ended, int anonymousActive = 0, int anonymousEnded = 0)
    {
        var (a, e) = (active - anonymousActive, ended - anonymousEnded);
        Distribution One(string code, int n, bool multiValued = false) => Dist(n, "avslutade under året", multiValued, (code, code, n));
        var insats = Insats();
        var from = insats.Scope.From;
        var to = insats.Scope.To;
        return insats with
        {
            Flows = new FlowSection(
                new FlowCounts(from, to, Flow(active, active), Flow(active, active), Flow(ended, ended), Flow(active - ended, active - ended)),
                new FlowCounts(from.AddYears(-1), to.AddYears(-1), Flow(0, 0), Flow(0, 0), Flow(0, 0), Flow(0, 0)),
                BudgetedPlaces: null,
                ParkedEnrolments: 0),
            Anonymous = new AnonymousSection(C(active), C(anonymousActive), C(a), C(ended), C(anonymousEnded), C(e)),
            Results = new ResultsSection(C(e), G(0, 0), C(0), C(0), C(0), Percent.Of(0, e), 40, e == 0 ? null : false),
            Profile = new ProfileSection(
                C(e), One("woman", e), One("30-44", e), One("gymnasium", e), new NumberSummary(C(0), null, null, null), 9, C(0),
                One("forsorjningsstod", e, multiValued: true), Summary(e, 1, 1, 1), Summary(e, 30, 30, 30), One("0-3", e),
                One("arbete", e, multiValued: true)),
            Origin = new OriginSection(
                Dist(a, "inskrivna under året", multiValued: false, ("kommun", "Kommunen", a)), C(a), C(e), C(a - e), C(0), Summary(e, 30, 30, 30)),
            Transitions = new TransitionsSection(
                new TransitionTable("f-s", C(e), "avslutade under året", MultiValued: true, []),
                new TransitionTable("f-f", C(e), "avslutade under året", MultiValued: true, []),
                new TransitionTable("s-s", C(e), "avslutade under året", MultiValued: false, [Row("arbetslos", "anstallning", G(e, 0))])),
            Plans = new PlanSection(C(a), C(0), Percent.Of(0, a), 30, C(0), C(0), null),
            Goals = new GoalsSection([]),
            SelfAssessment = new SelfAssessmentSection([]),
            GroupWork = new GroupWorkSection(C(0), C(0), C(0), C(0), C(0), C(0), null, C(0), []),
            Survey = new SurveySection([]),
        };
    }

    /// <summary>The förbund: the insats sample's sections, plus per-insats rows and the gender-split statistics.</summary>
    public static AnnualReport Forbund(string secondInsatsName = "Hälsoskolan")
    {
        var insats = Insats();
        return insats with
        {
            Scope = insats.Scope with { InsatsId = null, InsatsName = null, InsatsKind = null },
            PerInsats =
            [
                PerInsats("insats-1", "Steget vidare", "individual", Flow(30, 29), Flow(17, 16), Flow(18, 17), Flow(12, 12), G(16, 13)),
                PerInsats("insats-2", "Jobbspåret", "individual", Flow(8, 8), Flow(4, 4), Flow(3, 3), Flow(5, 5), G(3, 5)),
                PerInsats("insats-3", "Trappan", "group", Flow(3, 3), Flow(3, 3), Flow(3, 3), Flow(0, 0), G(2, 1)),
                PerInsats("insats-4", secondInsatsName, "count-only", Flow(0, 0), Flow(0, 0), Flow(0, 0), Flow(0, 0), G(38, 22), individual: false),
            ],
            GenderSplit = new GenderSplitSection(C(12), C(9),
            [
                new GenderSplitTable("alder", "Ålder", C(12), C(9), MultiValued: false,
                [
                    Split("15-29", "15–29", 1, 1, 12, 9), Split("30-44", "30–44", 5, 3, 12, 9),
                    Split("45-59", "45–59", 4, 3, 12, 9), Split("60+", "60–", 2, 2, 12, 9),
                ]),
                new GenderSplitTable("utbildning", "Utbildning", C(12), C(9), MultiValued: false,
                [
                    Split("grundskola", "Grundskola", 6, 3, 12, 9), Split("gymnasium", "Gymnasium", 6, 2, 12, 9), Split("eftergymnasial", "Eftergymnasial", 0, 4, 12, 9),
                ]),
                new GenderSplitTable("forsorjning-start", "Försörjning vid start", C(12), C(9), MultiValued: true,
                [
                    Split("forsorjningsstod", "Försörjningsstöd", 8, 6, 12, 9), Split("sjukpenning", "Sjukpenning", 3, 0, 12, 9),
                ]),
            ]),
        };
    }

    public static GenderSplitRow Split(string code, string label, int women, int men, int womenOf, int menOf) =>
        new(code, label, C(women), C(men), Percent.Of(women, womenOf), Percent.Of(men, menOf));

    private static InsatsSummaryRow PerInsats(string id, string name, string kind, FlowCount active, FlowCount started, FlowCount ended, FlowCount atEnd, GenderCounts people, bool individual = true) =>
        new(id, name, kind, individual, individual ? 10 : null, active, started, ended, atEnd, people);

    public static FlowCount Flow(int enrolments, int persons) => new(C(enrolments), C(persons));
}
