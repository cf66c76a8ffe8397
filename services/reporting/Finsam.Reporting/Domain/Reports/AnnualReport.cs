namespace Finsam.Reporting.Domain.Reports;

/// <summary>
/// The verksamhetsberättelse figures for one insats (or the whole förbund) and one period: a calendar year or any
/// range of days (a project's final report). Every figure is counted per enrolment (as SUS did) unless it says
/// persons. Anonymous enrolments are in the totals (<see cref="Flows"/>) and left out of every individual-level
/// section; <see cref="Anonymous"/> says how many.
/// </summary>
/// <param name="GenderSplit">Förbund level only (null for one insats).</param>
/// <param name="PerInsats">Förbund level only: one summary row per insats, count-only insatser included.</param>
public sealed record AnnualReport(
    ReportScope Scope,
    FlowSection Flows,
    AnonymousSection Anonymous,
    ResultsSection Results,
    ProfileSection Profile,
    OriginSection Origin,
    TransitionsSection Transitions,
    PlanSection Plans,
    GoalsSection Goals,
    SelfAssessmentSection SelfAssessment,
    GroupWorkSection GroupWork,
    SurveySection Survey,
    IReadOnlyList<InsatsSummaryRow>? PerInsats,
    GenderSplitSection? GenderSplit);

/// <param name="InsatsId">Null: the whole förbund.</param>
/// <param name="IsCalendarYear">True for 1 Jan–31 Dec: the report then says "året" and "vid årets slut".</param>
/// <param name="Protected">True when small numbers are suppressed (a public view); false for the exact internal view.</param>
/// <param name="AsOfSequence">The last journal sequence the read models had applied: which facts the figures rest on.</param>
/// <param name="DataFrom">
/// The first day the data of this scope covers. A period (or the previous one, shown beside it) that starts before it
/// has zeros there because nothing was recorded yet, not because nothing happened.
/// </param>
/// <param name="Preliminary">The period hasn't ended: "at the end" counts who is enrolled today, and figures will move.</param>
public sealed record ReportScope(
    string? InsatsId,
    string? InsatsName,
    string? InsatsKind,
    DateOnly From,
    DateOnly To,
    bool IsCalendarYear,
    bool Protected,
    long AsOfSequence,
    DateOnly? DataFrom = null,
    bool Preliminary = false);

/// <summary>A flow figure per enrolment and as unique persons (an anonymous enrolment is its own person).</summary>
public sealed record FlowCount(Count Enrolments, Count Persons);

/// <param name="Active">Aktuella: enrolled at any time in the period.</param>
/// <param name="Started">Nya: start date in the period.</param>
/// <param name="Ended">Avslutade: end date in the period.</param>
/// <param name="ActiveAtPeriodEnd">Enrolled on the period's last day (for a year: activeAtYearEnd, 31 December).</param>
public sealed record FlowCounts(DateOnly From, DateOnly To, FlowCount Active, FlowCount Started, FlowCount Ended, FlowCount ActiveAtPeriodEnd);

/// <param name="BudgetedPlaces">
/// The insats' budgeted places; null when the insats isn't in the catalogue. At förbund level the sum over the
/// insatser that aren't structural; null when the catalogue holds none.
/// </param>
/// <param name="ParkedEnrolments">Enrolments heard of (e.g. an ending) whose start hasn't arrived: in no figure.</param>
public sealed record FlowSection(FlowCounts Current, FlowCounts Previous, int? BudgetedPlaces, int ParkedEnrolments);

/// <summary>"41 met, 6 anonymous, statistics on 35": for the active and the ended of the period.</summary>
public sealed record AnonymousSection(Count ActiveTotal, Count ActiveAnonymous, Count ActiveInStatistics, Count EndedTotal, Count EndedAnonymous, Count EndedInStatistics);

/// <summary>Results among the ended (not anonymous) of the period, per enrolment, from the sysselsättning at the end as it now stands.</summary>
/// <param name="ToWork">Sysselsättning at end ej subventionerat or subventionerat arbete, by the gender as it now stands (a corrected gender counts).</param>
/// <param name="ToStudies">Sysselsättning at end "studier".</param>
/// <param name="ToActiveJobSeeking">Sysselsättning at end "aktivt-arbetssokande".</param>
/// <param name="WorkOrStudiesPercent">Share of <see cref="Ended"/> to work or studies.</param>
/// <param name="TargetPercent">The insats' target for that share; null when none (or at förbund level).</param>
/// <param name="MeetsTarget">Share ≥ target; null without a target or a share.</param>
public sealed record ResultsSection(
    Count Ended,
    GenderCounts ToWork,
    Count ToStudies,
    Count ToActiveJobSeeking,
    Count ToWorkOrStudies,
    decimal? WorkOrStudiesPercent,
    int? TargetPercent,
    bool? MeetsTarget);

/// <summary>
/// Profile of the ended (not anonymous) of the period, per enrolment. Rows follow the order of ParticipantCodes,
/// zero rows included; a missing education level is "okand".
/// </summary>
/// <param name="AgeBands">
/// In the insats' configured bands (a union of five-year bands), from the five-year band at the start; a configuration
/// that doesn't cover every five-year band once, youngest first, is refused.
/// </param>
/// <param name="YearsInSupport">Years in public support before the start: range and mean over those with a value.</param>
/// <param name="YearsInSupportThreshold">The "more than N years" line, e.g. 9.</param>
/// <param name="YearsInSupportAboveThreshold">How many had more than <see cref="YearsInSupportThreshold"/> years (strictly).</param>
/// <param name="MonthsInInsats">Whole months from start to end (the largest m with start + m months ≤ end): range and mean.</param>
/// <param name="DaysInInsats">Days from start to end (end − start; the same day is 0): range and mean.</param>
/// <param name="TimeInInsatsBands">Bands of months (≤3, 4–6, 7–9, 10–12, 13–15, …).</param>
public sealed record ProfileSection(
    Count Ended,
    Distribution Gender,
    Distribution AgeBands,
    Distribution Education,
    NumberSummary YearsInSupport,
    int YearsInSupportThreshold,
    Count YearsInSupportAboveThreshold,
    Distribution ForsorjningAtStart,
    NumberSummary MonthsInInsats,
    NumberSummary DaysInInsats,
    Distribution TimeInInsatsBands,
    Distribution EndReasons);

/// <summary>Where the participants of the period came from, and how their stays stand; enrolments, anonymous ones left out.</summary>
/// <param name="ReferralsByAgency">Enrolments active in the period by the agency that referred them (fk, af, kommun, region, annan; "ingen" without a referral).</param>
/// <param name="Enrolled">Inskrivna: active in the period.</param>
/// <param name="Ended">Avslutade in the period.</param>
/// <param name="Ongoing">Pågående at the period's end.</param>
/// <param name="Discontinued">Avbrutit: ended in the period with a reason that means the stay broke off (utan mätning, medgivande återtaget, flytt, sjukdom).</param>
/// <param name="DaysInInsats">Days in the insats of the ended: range and mean.</param>
public sealed record OriginSection(Distribution ReferralsByAgency, Count Enrolled, Count Ended, Count Ongoing, Count Discontinued, NumberSummary DaysInInsats);

/// <summary>One before → after pair and how many made it, by gender.</summary>
public sealed record TransitionRow(string FromCode, string FromLabel, string ToCode, string ToLabel, GenderCounts People);

/// <summary>A before → after table over a named denominator (e.g. "av 24 avslutade").</summary>
public sealed record TransitionTable(string Title, Count Denominator, string DenominatorLabel, bool MultiValued, IReadOnlyList<TransitionRow> Rows);

/// <summary>
/// Försörjning at start → sysselsättning at end, försörjning start → end, sysselsättning start → end, of the ended
/// (not anonymous), by the gender as it now stands. A stay is in a row for every pair its facts make; only pairs
/// someone made are rows, in code order; a missing sysselsättning at start is "okand".
/// </summary>
public sealed record TransitionsSection(TransitionTable ForsorjningToSysselsattning, TransitionTable ForsorjningToForsorjning, TransitionTable SysselsattningToSysselsattning);

/// <param name="Enrolled">Enrolments (not anonymous) active in the period: the denominator.</param>
/// <param name="WithCurrentPlan">With a plan that counts (not retracted) recorded on or before the period's end.</param>
/// <param name="DeadlineDays">The insats' plan deadline; null when none.</param>
/// <param name="WithPlanInTime">Whose first plan that counts was within the deadline.</param>
/// <param name="PlanInTimeDenominator">Enrolments started in the period with a deadline to meet.</param>
public sealed record PlanSection(
    Count Enrolled,
    Count WithCurrentPlan,
    decimal? CurrentPlanPercent,
    int? DeadlineDays,
    Count WithPlanInTime,
    Count PlanInTimeDenominator,
    decimal? PlanInTimePercent);

/// <summary>One goal of the insats against what happened.</summary>
/// <param name="Code">"enrolment", "gender-balance", "work-or-studies", "plan-coverage".</param>
/// <param name="Target">In the goal's unit (people or percent).</param>
/// <param name="Actual">Null when it can't be measured (no one to measure, or hidden).</param>
/// <param name="Basis">The count of people a percentage rests on when that count could be small (the gender-balance goal: the fewer gender's count), so protection can hide the share with it.</param>
public sealed record GoalRow(string Code, string Label, string Unit, decimal Target, decimal? Actual, bool? Met, Count? Basis = null);

public sealed record GoalsSection(IReadOnlyList<GoalRow> Goals);

/// <summary>Self-assessment change: start and end scores of the same instrument for one stay.</summary>
/// <param name="Pairs">Ended stays in the period with both a start and an end self-assessment of the instrument.</param>
/// <param name="ImprovedThreshold">E.g. 3: "at least 3 of 8 areas improved".</param>
/// <param name="AtLeastThresholdImproved">Pairs with at least <see cref="ImprovedThreshold"/> areas scored higher at the end.</param>
/// <param name="Areas">Per area: n, mean at start, mean at end, how many improved.</param>
public sealed record SelfAssessmentInstrument(
    string Instrument,
    Count Pairs,
    int AreaCount,
    int ImprovedThreshold,
    Count AtLeastThresholdImproved,
    decimal? AtLeastThresholdPercent,
    IReadOnlyList<SelfAssessmentArea> Areas);

public sealed record SelfAssessmentArea(string Area, Count N, decimal? MeanAtStart, decimal? MeanAtEnd, Count Improved);

public sealed record SelfAssessmentSection(IReadOnlyList<SelfAssessmentInstrument> Instruments);

/// <summary>Group work (gruppverksamhet) in the period.</summary>
/// <param name="Groups">Groups with a träff held in the period, whatever their status now (a group cancelled half-way ran the träffar it held).</param>
/// <param name="TraffarHeld">Träffar held in the period.</param>
/// <param name="ParticipantsStarted">Distinct participants with a place in those groups (a booking not cancelled, or present at a träff).</param>
/// <param name="ParticipantsCompleted">Of the groups completed in the period (last held träff in it), distinct participants who completed (the format's rule).</param>
/// <param name="AttendancePercent">Present / recorded over the träffar held in the period.</param>
/// <param name="Evaluations">Per statement: n, mean 1–6, distribution.</param>
public sealed record GroupWorkSection(
    Count Groups,
    Count GroupsCompleted,
    Count GroupsCancelled,
    Count TraffarHeld,
    Count ParticipantsStarted,
    Count ParticipantsCompleted,
    decimal? AttendancePercent,
    Count EvaluationForms,
    IReadOnlyList<EvaluationStatementResult> Evaluations);

/// <param name="Distribution">Ratings 1–6 (6 best), in that order.</param>
public sealed record EvaluationStatementResult(string Statement, Count N, decimal? Mean, IReadOnlyList<Tally> Distribution);

/// <summary>Deltagarenkät answers whose month falls in the period, per instrument version and question.</summary>
public sealed record SurveySection(IReadOnlyList<SurveyQuestionResult> Questions);

/// <param name="Distribution">Per option code, in the instrument's order when it is known.</param>
/// <param name="AtOrAboveThreshold">Answers at or above the indicator's threshold option (e.g. "ofta" or better); null when no threshold is set.</param>
public sealed record SurveyQuestionResult(
    string InstrumentId,
    int InstrumentVersion,
    string QuestionCode,
    Count N,
    IReadOnlyList<Tally> Distribution,
    string? ThresholdOption,
    Count? AtOrAboveThreshold,
    decimal? AtOrAbovePercent);

/// <summary>One insats at förbund level: its counts, and its participants by gender (count-only insatser included).</summary>
/// <param name="Name">"Okänd insats" for an insats seen in stays that the catalogue doesn't know (kind "unknown", taken as individual).</param>
/// <param name="Individual">True for individual and group insatser; false for structural ones (Uppföljning Finsam's split).</param>
/// <param name="ParticipantsByGender">Unique persons active in the period (an anonymous stay is its own person), by the gender as it now stands.</param>
public sealed record InsatsSummaryRow(
    string InsatsId,
    string Name,
    string Kind,
    bool Individual,
    int? BudgetedPlaces,
    FlowCount Active,
    FlowCount Started,
    FlowCount Ended,
    FlowCount ActiveAtPeriodEnd,
    GenderCounts ParticipantsByGender);

/// <summary>One line of the könsuppdelad statistik: a category with its share of the women and of the men.</summary>
/// <param name="WomenPercent">Of the women in the denominator.</param>
/// <param name="Total">Everyone in the row: women, men and those of gender "other" (who are in no percentage).</param>
public sealed record GenderSplitRow(string Code, string Label, Count Women, Count Men, decimal? WomenPercent, decimal? MenPercent, Count? Total = null);

/// <summary>One table of the könsuppdelad statistik, e.g. "Ålder" or "Försörjning vid start".</summary>
/// <param name="TotalDenominator">Everyone the table is over, those of gender "other" included.</param>
public sealed record GenderSplitTable(string Code, string Title, Count WomenDenominator, Count MenDenominator, bool MultiValued, IReadOnlyList<GenderSplitRow> Rows, Count? TotalDenominator = null);

/// <summary>
/// Könsuppdelad statistik over everyone (not anonymous) who ended an individual insats in the period: age, education,
/// years in support, time in insats, end reasons, sysselsättning at end, försörjning at start and at end, flows
/// (new / ended) and participants per insats. Count-only insatser appear in <c>ParticipantsPerInsats</c> only.
/// </summary>
/// <remarks>
/// Per enrolment, over insatser of kind individual or group-course (or unknown to the catalogue). Gender "other" is
/// in the totals, in no percentage. Years in support in bands 0–2, 3–5, 6–9, more than 9 and okänd. The flows table
/// is over the stays active in the period (rows: new, ended); participants per insats are unique persons active in
/// each non-structural insats, over the unique persons active in any of them.
/// </remarks>
/// <param name="Total">Everyone the section is over (the ended), those of gender "other" included.</param>
public sealed record GenderSplitSection(Count Women, Count Men, IReadOnlyList<GenderSplitTable> Tables, Count? Total = null);
