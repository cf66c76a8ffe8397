namespace Finsam.Reporting.Domain.Reports.Protection;

/// <summary>What <see cref="ReportRewriter"/> asks at each figure of the report.</summary>
internal interface IReportVisitor
{
    /// <summary>A count of people or enrolments; returns the count to publish in its place.</summary>
    Count People(Count count);

    /// <summary>The (already rewritten) <paramref name="parts"/> add up to <paramref name="total"/>.</summary>
    void Sum(Count total, IReadOnlyList<Count> parts);

    /// <summary>A percentage, mean or range resting on the (already rewritten) counts <paramref name="from"/>.</summary>
    decimal? Derived(decimal? value, params Count[] from);

    /// <summary>
    /// <paramref name="a"/> and <paramref name="b"/> are published together about the same people: the same quantity
    /// in two sections, or a row's enrolments and its persons. Hiding one must hide the other, or the shown one gives
    /// the hidden one away.
    /// </summary>
    void Link(Count a, Count b);
}

/// <summary>
/// Walks every figure of an <see cref="AnnualReport"/> once and rebuilds it: the one place that knows which counts are
/// about people, which add up to which total, and which figures are derived from which counts.
/// </summary>
internal static class ReportRewriter
{
    public static AnnualReport Rewrite(AnnualReport report, IReportVisitor v)
    {
        var flows = Flows(report.Flows, v);
        var anonymous = Anonymous(report.Anonymous, v);
        var results = Results(report.Results, v);
        var profile = Profile(report.Profile, v);
        var origin = Origin(report.Origin, v);
        var plans = Plans(report.Plans, v);
        var transitions = new TransitionsSection(
            Transition(report.Transitions.ForsorjningToSysselsattning, v, profile.ForsorjningAtStart),
            Transition(report.Transitions.ForsorjningToForsorjning, v, null),
            Transition(report.Transitions.SysselsattningToSysselsattning, v, null));
        LinkSameQuantities(flows, anonymous, results, profile, origin, plans, transitions, v);
        return report with
        {
            Flows = flows,
            Anonymous = anonymous,
            Results = results,
            Profile = profile,
            Origin = origin,
            Transitions = transitions,
            Plans = plans,
            Goals = new GoalsSection([.. report.Goals.Goals.Select(g => Goal(g, results, plans, anonymous, flows, v))]),
            SelfAssessment = new SelfAssessmentSection([.. report.SelfAssessment.Instruments.Select(i => SelfAssessment(i, v))]),
            GroupWork = GroupWork(report.GroupWork, v),
            Survey = new SurveySection([.. report.Survey.Questions.Select(q => Survey(q, v))]),
            PerInsats = report.PerInsats is null ? null : PerInsats(report.PerInsats, flows.Current, v),
            GenderSplit = report.GenderSplit is null ? null : GenderSplit(report.GenderSplit, v),
        };
    }

    /// <summary>
    /// The report publishes some quantities in several sections (the ended who are in the statistics are the results'
    /// and the profile's denominator, the origin's ended, every transition table's denominator): each place gets its
    /// own cell, linked, so a count hidden in one place is hidden in all.
    /// </summary>
    private static void LinkSameQuantities(
        FlowSection flows, AnonymousSection anonymous, ResultsSection results, ProfileSection profile, OriginSection origin,
        PlanSection plans, TransitionsSection transitions, IReportVisitor v)
    {
        v.Link(anonymous.ActiveTotal, flows.Current.Active.Enrolments);
        v.Link(anonymous.EndedTotal, flows.Current.Ended.Enrolments);

        Count[] endedInStatistics =
        [
            results.Ended, profile.Ended, origin.Ended,
            profile.Gender.Denominator, profile.AgeBands.Denominator, profile.Education.Denominator,
            profile.ForsorjningAtStart.Denominator, profile.TimeInInsatsBands.Denominator, profile.EndReasons.Denominator,
            transitions.ForsorjningToSysselsattning.Denominator, transitions.ForsorjningToForsorjning.Denominator,
            transitions.SysselsattningToSysselsattning.Denominator,

            // The time-in-insats summaries are over every ended stay in the statistics: their n is the same count.
            profile.MonthsInInsats.N, profile.DaysInInsats.N, origin.DaysInInsats.N,
        ];
        foreach (var same in endedInStatistics)
        {
            v.Link(anonymous.EndedInStatistics, same);
        }

        foreach (var same in new[] { origin.Enrolled, origin.ReferralsByAgency.Denominator, plans.Enrolled })
        {
            v.Link(anonymous.ActiveInStatistics, same);
        }
    }

    private static FlowSection Flows(FlowSection flows, IReportVisitor v) =>
        flows with { Current = FlowCounts(flows.Current, v), Previous = FlowCounts(flows.Previous, v) };

    private static FlowCounts FlowCounts(FlowCounts counts, IReportVisitor v)
    {
        var result = counts with
        {
            Active = Flow(counts.Active, v),
            Started = Flow(counts.Started, v),
            Ended = Flow(counts.Ended, v),
            ActiveAtPeriodEnd = Flow(counts.ActiveAtPeriodEnd, v),
        };

        // Every enrolment active in the period either ended in it or is still active at its end. Persons aren't
        // additive: one person can have ended one enrolment and be in another.
        v.Sum(result.Active.Enrolments, [result.Ended.Enrolments, result.ActiveAtPeriodEnd.Enrolments]);
        return result;
    }

    /// <summary>Enrolments and persons are linked: in a small insats they are mostly equal, so one shown gives the other away.</summary>
    private static FlowCount Flow(FlowCount flow, IReportVisitor v)
    {
        var result = new FlowCount(v.People(flow.Enrolments), v.People(flow.Persons));
        v.Link(result.Enrolments, result.Persons);
        return result;
    }

    private static AnonymousSection Anonymous(AnonymousSection a, IReportVisitor v)
    {
        var result = new AnonymousSection(
            v.People(a.ActiveTotal), v.People(a.ActiveAnonymous), v.People(a.ActiveInStatistics),
            v.People(a.EndedTotal), v.People(a.EndedAnonymous), v.People(a.EndedInStatistics));
        v.Sum(result.ActiveTotal, [result.ActiveAnonymous, result.ActiveInStatistics]);
        v.Sum(result.EndedTotal, [result.EndedAnonymous, result.EndedInStatistics]);
        return result;
    }

    private static ResultsSection Results(ResultsSection r, IReportVisitor v)
    {
        var ended = v.People(r.Ended);
        var workOrStudies = v.People(r.ToWorkOrStudies);
        var toWork = Gender(r.ToWork, v);
        var toStudies = v.People(r.ToStudies);
        v.Sum(workOrStudies, [toWork.Total, toStudies]);
        var percent = v.Derived(r.WorkOrStudiesPercent, workOrStudies, ended);
        return new ResultsSection(
            ended,
            toWork,
            toStudies,
            v.People(r.ToActiveJobSeeking),
            workOrStudies,
            percent,
            r.TargetPercent,
            percent is null ? null : r.MeetsTarget);
    }

    private static ProfileSection Profile(ProfileSection p, IReportVisitor v) => p with
    {
        Ended = v.People(p.Ended),
        Gender = Distribution(p.Gender, v),
        AgeBands = Distribution(p.AgeBands, v),
        Education = Distribution(p.Education, v),
        YearsInSupport = Summary(p.YearsInSupport, v),
        YearsInSupportAboveThreshold = v.People(p.YearsInSupportAboveThreshold),
        ForsorjningAtStart = Distribution(p.ForsorjningAtStart, v),
        MonthsInInsats = Summary(p.MonthsInInsats, v),
        DaysInInsats = Summary(p.DaysInInsats, v),
        TimeInInsatsBands = Distribution(p.TimeInInsatsBands, v),
        EndReasons = Distribution(p.EndReasons, v),
    };

    private static OriginSection Origin(OriginSection o, IReportVisitor v)
    {
        var result = new OriginSection(
            Distribution(o.ReferralsByAgency, v),
            v.People(o.Enrolled),
            v.People(o.Ended),
            v.People(o.Ongoing),
            v.People(o.Discontinued),
            Summary(o.DaysInInsats, v));
        v.Sum(result.Enrolled, [result.Ended, result.Ongoing]);
        return result;
    }

    /// <param name="fromTotals">
    /// When every "before" has exactly one "after" (försörjning at start → sysselsättning at end), a from-code's rows add
    /// up to that code's row in the profile: registered, so the profile's row can't give a hidden transition away.
    /// </param>
    private static TransitionTable Transition(TransitionTable t, IReportVisitor v, Distribution? fromTotals)
    {
        var denominator = v.People(t.Denominator);
        var rows = t.Rows.Select(r => r with { People = Gender(r.People, v) }).ToList();
        if (!t.MultiValued)
        {
            v.Sum(denominator, [.. rows.Select(r => r.People.Total)]);
        }

        if (fromTotals is not null)
        {
            foreach (var from in rows.GroupBy(r => r.FromCode, StringComparer.Ordinal))
            {
                if (fromTotals.Rows.FirstOrDefault(r => r.Code == from.Key) is { } total)
                {
                    v.Sum(total.Count, [.. from.Select(r => r.People.Total)]);
                }
            }
        }

        return t with { Denominator = denominator, Rows = rows };
    }

    private static PlanSection Plans(PlanSection p, IReportVisitor v)
    {
        var enrolled = v.People(p.Enrolled);
        var withPlan = v.People(p.WithCurrentPlan);
        var inTime = v.People(p.WithPlanInTime);
        var inTimeOf = v.People(p.PlanInTimeDenominator);
        return new PlanSection(
            enrolled, withPlan, v.Derived(p.CurrentPlanPercent, withPlan, enrolled),
            p.DeadlineDays, inTime, inTimeOf, v.Derived(p.PlanInTimePercent, inTime, inTimeOf));
    }

    /// <summary>
    /// A goal's actual value: in people it is a count (hidden at 1–4); in percent it rests on the section it was
    /// measured from. Met goes with the actual value, since it tells which side of the target it lies.
    /// </summary>
    private static GoalRow Goal(GoalRow g, ResultsSection results, PlanSection plans, AnonymousSection anonymous, FlowSection flows, IReportVisitor v)
    {
        if (g.Actual is not { } actual)
        {
            return g;
        }

        decimal? shown;
        if (g.Basis is { } basis)
        {
            // A share of a small count (10 % of 20 persons = 2 men) is the count: hidden with it.
            var basisCell = v.People(basis);
            shown = v.Derived(actual, basisCell, flows.Current.Active.Persons);
            return g with { Actual = shown, Met = shown is null ? null : g.Met, Basis = basisCell };
        }

        if (IsPercent(g.Unit))
        {
            shown = g.Code switch
            {
                "work-or-studies" => v.Derived(actual, results.ToWorkOrStudies, results.Ended),
                "plan-coverage" => v.Derived(actual, plans.WithCurrentPlan, plans.Enrolled),
                _ => v.Derived(actual, anonymous.ActiveInStatistics),
            };
        }
        else
        {
            var whole = decimal.Truncate(actual) == actual && actual is >= int.MinValue and <= int.MaxValue;
            shown = whole && v.People(Count.Of((int)actual)).IsSuppressed ? null : actual;
        }

        return g with { Actual = shown, Met = shown is null ? null : g.Met };
    }

    internal static bool IsPercent(string unit) =>
        unit.Equals("percent", StringComparison.OrdinalIgnoreCase) || unit == "%" || unit.Equals("procent", StringComparison.OrdinalIgnoreCase);

    private static SelfAssessmentInstrument SelfAssessment(SelfAssessmentInstrument i, IReportVisitor v)
    {
        var pairs = v.People(i.Pairs);
        var improved = v.People(i.AtLeastThresholdImproved);
        return i with
        {
            Pairs = pairs,
            AtLeastThresholdImproved = improved,
            AtLeastThresholdPercent = v.Derived(i.AtLeastThresholdPercent, improved, pairs),
            Areas = [.. i.Areas.Select(a =>
            {
                var n = v.People(a.N);
                return new SelfAssessmentArea(a.Area, n, v.Derived(a.MeanAtStart, n), v.Derived(a.MeanAtEnd, n), v.People(a.Improved));
            })],
        };
    }

    /// <summary>Groups and träffar are things, not people: they stay as they are.</summary>
    private static GroupWorkSection GroupWork(GroupWorkSection g, IReportVisitor v) => g with
    {
        ParticipantsStarted = v.People(g.ParticipantsStarted),
        ParticipantsCompleted = v.People(g.ParticipantsCompleted),
        EvaluationForms = v.People(g.EvaluationForms),
        Evaluations = [.. g.Evaluations.Select(e =>
        {
            var n = v.People(e.N);
            return new EvaluationStatementResult(e.Statement, n, v.Derived(e.Mean, n), Tallies(e.Distribution, n, v));
        })],
    };

    private static SurveyQuestionResult Survey(SurveyQuestionResult q, IReportVisitor v)
    {
        var n = v.People(q.N);
        var above = q.AtOrAboveThreshold is null ? null : v.People(q.AtOrAboveThreshold);
        var rows = Tallies(q.Distribution, n, v);
        if (above is not null)
        {
            // The share at or above the line is a sum of some rows: hidden whenever one of the rows is, and the rows
            // with it when it is small.
            foreach (var row in rows)
            {
                v.Link(above, row.Count);
            }
        }

        return q with
        {
            N = n,
            Distribution = rows,
            AtOrAboveThreshold = above,
            AtOrAbovePercent = above is null ? q.AtOrAbovePercent : v.Derived(q.AtOrAbovePercent, above, n),
        };
    }

    private static List<InsatsSummaryRow> PerInsats(IReadOnlyList<InsatsSummaryRow> rows, FlowCounts forbund, IReportVisitor v)
    {
        var result = rows.Select(r => r with
        {
            Active = Flow(r.Active, v),
            Started = Flow(r.Started, v),
            Ended = Flow(r.Ended, v),
            ActiveAtPeriodEnd = Flow(r.ActiveAtPeriodEnd, v),
            ParticipantsByGender = Gender(r.ParticipantsByGender, v),
        }).ToList();

        foreach (var r in result)
        {
            v.Sum(r.Active.Enrolments, [r.Ended.Enrolments, r.ActiveAtPeriodEnd.Enrolments]);

            // The insats' participants are its active persons (count-only insatser: registered counts, no persons).
            v.Link(r.ParticipantsByGender.Total, r.Active.Persons);
        }

        // Persons add up over insatser when no one was in two of them; then a hidden insats is the förbund minus the
        // rest. When they don't add up (someone in two), the sum is skipped as not additive.
        v.Sum(forbund.Active.Persons, [.. result.Select(r => r.Active.Persons)]);

        // Each enrolment belongs to one insats, so the insatser's enrolments add up to the förbund's.
        v.Sum(forbund.Active.Enrolments, [.. result.Select(r => r.Active.Enrolments)]);
        v.Sum(forbund.Started.Enrolments, [.. result.Select(r => r.Started.Enrolments)]);
        v.Sum(forbund.Ended.Enrolments, [.. result.Select(r => r.Ended.Enrolments)]);
        v.Sum(forbund.ActiveAtPeriodEnd.Enrolments, [.. result.Select(r => r.ActiveAtPeriodEnd.Enrolments)]);
        return result;
    }

    private static GenderSplitSection GenderSplit(GenderSplitSection s, IReportVisitor v)
    {
        var womenTotal = v.People(s.Women);
        var menTotal = v.People(s.Men);
        var sectionTotal = s.Total is { } st ? v.People(st) : null;
        if (sectionTotal is not null)
        {
            // Women + men fall short of the total by those of gender "other": a small gap is protected like a cell.
            v.Sum(sectionTotal, [womenTotal, menTotal]);
        }

        return new GenderSplitSection(womenTotal, menTotal, [.. s.Tables.Select(t => GenderSplitTable(t, v))], sectionTotal);
    }

    private static GenderSplitTable GenderSplitTable(GenderSplitTable t, IReportVisitor v)
    {
        var women = v.People(t.WomenDenominator);
        var men = v.People(t.MenDenominator);
        var totalDenominator = t.TotalDenominator is { } td ? v.People(td) : null;
        if (totalDenominator is not null)
        {
            v.Sum(totalDenominator, [women, men]);
        }

        var rows = t.Rows.Select(r =>
        {
            var w = v.People(r.Women);
            var m = v.People(r.Men);
            var total = r.Total is { } rt ? v.People(rt) : null;
            if (total is not null)
            {
                v.Sum(total, [w, m]);
            }

            return new GenderSplitRow(r.Code, r.Label, w, m, v.Derived(r.WomenPercent, w, women), v.Derived(r.MenPercent, m, men), total);
        }).ToList();

        // In a single-valued table each column adds up to its gender's denominator.
        if (!t.MultiValued)
        {
            v.Sum(women, [.. rows.Select(r => r.Women)]);
            v.Sum(men, [.. rows.Select(r => r.Men)]);
            if (totalDenominator is not null && rows.All(r => r.Total is not null))
            {
                v.Sum(totalDenominator, [.. rows.Select(r => r.Total!)]);
            }
        }

        return t with { WomenDenominator = women, MenDenominator = men, Rows = rows, TotalDenominator = totalDenominator };
    }

    private static GenderCounts Gender(GenderCounts g, IReportVisitor v)
    {
        var result = new GenderCounts(v.People(g.Women), v.People(g.Men), v.People(g.Other), v.People(g.Total));
        v.Sum(result.Total, [result.Women, result.Men, result.Other]);
        return result;
    }

    private static Distribution Distribution(Distribution d, IReportVisitor v)
    {
        var denominator = v.People(d.Denominator);
        return d with { Denominator = denominator, Rows = Tallies(d.Rows, denominator, v) };
    }

    /// <summary>Tallies of one denominator; single-valued ones add up to it, multi-valued ones don't.</summary>
    private static List<Tally> Tallies(IReadOnlyList<Tally> tallies, Count denominator, IReportVisitor v)
    {
        var rows = tallies.Select(t =>
        {
            var count = v.People(t.Count);
            return t with { Count = count, Percent = v.Derived(t.Percent, count, denominator) };
        }).ToList();

        // A multi-valued list adds up too when no one happened to have two values; when it doesn't (the rows sum to
        // more than the denominator) the protection sees that and skips it.
        v.Sum(denominator, [.. rows.Select(r => r.Count)]);
        return rows;
    }

    private static NumberSummary Summary(NumberSummary s, IReportVisitor v)
    {
        var n = v.People(s.N);
        return new NumberSummary(n, v.Derived(s.Min, n), v.Derived(s.Max, n), v.Derived(s.Mean, n));
    }
}
