using Finsam.Platform.Time;
using Finsam.Reporting.Domain.Reports;
using P = Finsam.Protos.Reporting.V1;

namespace Finsam.Reporting.Api;

/// <summary>
/// The report as the proto (and so the JSON) shows it. A suppressed figure is left unset (absent in JSON) and its
/// path is listed in <c>protection.suppressed</c> with how it shows, so a caller never mistakes "hidden" for "0".
/// Paths use the JSON names, e.g. "flows.current.ended.persons" or "profile.education.gymnasium".
/// </summary>
public sealed class AnnualReportMapping
{
    private readonly SuppressedFigures _figures = new();

    public static P.AnnualReport ToProto(AnnualReport report) => new AnnualReportMapping().Map(report);

    private P.AnnualReport Map(AnnualReport r)
    {
        var proto = new P.AnnualReport
        {
            Scope = new P.ReportScope
            {
                InsatsId = r.Scope.InsatsId ?? "",
                InsatsName = r.Scope.InsatsName ?? "",
                InsatsKind = r.Scope.InsatsKind ?? "",
                From = IsoDates.ToIso(r.Scope.From),
                To = IsoDates.ToIso(r.Scope.To),
                IsCalendarYear = r.Scope.IsCalendarYear,
                AsOfSequence = r.Scope.AsOfSequence,
                DataFrom = r.Scope.DataFrom is { } dataFrom ? IsoDates.ToIso(dataFrom) : "",
                Preliminary = r.Scope.Preliminary,
            },
            Flows = Flows(r.Flows, r.Scope.IsCalendarYear, r.Scope.Protected),
            Anonymous = new P.AnonymousSection(),
            Results = Results(r.Results),
            Profile = Profile(r.Profile),
            Origin = Origin(r.Origin),
            Transitions = new P.TransitionsSection
            {
                ForsorjningToSysselsattning = Transition("transitions.forsorjningToSysselsattning", r.Transitions.ForsorjningToSysselsattning),
                ForsorjningToForsorjning = Transition("transitions.forsorjningToForsorjning", r.Transitions.ForsorjningToForsorjning),
                SysselsattningToSysselsattning = Transition("transitions.sysselsattningToSysselsattning", r.Transitions.SysselsattningToSysselsattning),
            },
            Plans = Plans(r.Plans),
            Goals = new P.GoalsSection(),
            SelfAssessment = new P.SelfAssessmentSection(),
            GroupWork = GroupWork(r.GroupWork),
            Survey = new P.SurveySection(),
        };

        var a = r.Anonymous;
        Set("anonymous.activeTotal", a.ActiveTotal, v => proto.Anonymous.ActiveTotal = v);
        Set("anonymous.activeAnonymous", a.ActiveAnonymous, v => proto.Anonymous.ActiveAnonymous = v);
        Set("anonymous.activeInStatistics", a.ActiveInStatistics, v => proto.Anonymous.ActiveInStatistics = v);
        Set("anonymous.endedTotal", a.EndedTotal, v => proto.Anonymous.EndedTotal = v);
        Set("anonymous.endedAnonymous", a.EndedAnonymous, v => proto.Anonymous.EndedAnonymous = v);
        Set("anonymous.endedInStatistics", a.EndedInStatistics, v => proto.Anonymous.EndedInStatistics = v);

        foreach (var goal in r.Goals.Goals)
        {
            var row = new P.GoalRow { Code = goal.Code, Label = goal.Label, Unit = goal.Unit, Target = (double)goal.Target };
            if (goal.Actual is { } actual)
            {
                row.Actual = (double)actual;
            }

            if (goal.Met is { } met)
            {
                row.Met = met;
            }

            proto.Goals.Goals.Add(row);
        }

        foreach (var instrument in r.SelfAssessment.Instruments)
        {
            proto.SelfAssessment.Instruments.Add(SelfAssessment(instrument));
        }

        foreach (var question in r.Survey.Questions)
        {
            proto.Survey.Questions.Add(Survey(question));
        }

        if (r.PerInsats is { } rows)
        {
            foreach (var row in rows)
            {
                proto.PerInsats.Add(PerInsats(row));
            }
        }

        if (r.GenderSplit is { } split)
        {
            proto.GenderSplit = GenderSplit(split);
        }

        proto.Protection = new P.Protection
        {
            Applied = r.Scope.Protected,
            Note = r.Scope.Protected
                ? "Skyddad vy: antal 1–4 visas som \"<5\", och ett antal som annars kunde räknas fram ur en summa som \"..\"."
                : "Exakt vy: alla antal visas. Får inte publiceras utan skydd för små tal.",
        };
        proto.Protection.Suppressed.AddRange(_figures.Listed);
        return proto;
    }

    private P.FlowSection Flows(FlowSection f, bool calendarYear, bool isProtected)
    {
        var section = new P.FlowSection { Current = FlowCounts("flows.current", f.Current, calendarYear) };

        // Parked enrolments are a data-quality figure for those who answer for the data, not a published count.
        if (!isProtected)
        {
            section.ParkedEnrolments = f.ParkedEnrolments;
        }

        if (calendarYear)
        {
            section.PreviousYear = FlowCounts("flows.previousYear", f.Previous, true);
        }
        else
        {
            section.PreviousPeriod = FlowCounts("flows.previousPeriod", f.Previous, false);
        }

        if (f.BudgetedPlaces is { } places)
        {
            section.BudgetedPlaces = places;
        }

        return section;
    }

    private P.FlowCounts FlowCounts(string path, FlowCounts c, bool calendarYear)
    {
        var counts = new P.FlowCounts
        {
            From = IsoDates.ToIso(c.From),
            To = IsoDates.ToIso(c.To),
            Active = FlowCount($"{path}.active", c.Active),
            Started = FlowCount($"{path}.started", c.Started),
            Ended = FlowCount($"{path}.ended", c.Ended),
        };
        if (calendarYear)
        {
            counts.ActiveAtYearEnd = FlowCount($"{path}.activeAtYearEnd", c.ActiveAtPeriodEnd);
        }
        else
        {
            counts.ActiveAtPeriodEnd = FlowCount($"{path}.activeAtPeriodEnd", c.ActiveAtPeriodEnd);
        }

        return counts;
    }

    private P.FlowCount FlowCount(string path, FlowCount c)
    {
        var proto = new P.FlowCount();
        Set($"{path}.enrolments", c.Enrolments, v => proto.Enrolments = v);
        Set($"{path}.persons", c.Persons, v => proto.Persons = v);
        return proto;
    }

    private P.ResultsSection Results(ResultsSection r)
    {
        var proto = new P.ResultsSection { ToWork = Gender("results.toWork", r.ToWork) };
        Set("results.ended", r.Ended, v => proto.Ended = v);
        Set("results.toStudies", r.ToStudies, v => proto.ToStudies = v);
        Set("results.toActiveJobSeeking", r.ToActiveJobSeeking, v => proto.ToActiveJobSeeking = v);
        Set("results.toWorkOrStudies", r.ToWorkOrStudies, v => proto.ToWorkOrStudies = v);
        SetDecimal(r.WorkOrStudiesPercent, v => proto.WorkOrStudiesPercent = v);
        if (r.TargetPercent is { } target)
        {
            proto.TargetPercent = target;
        }

        if (r.MeetsTarget is { } meets)
        {
            proto.MeetsTarget = meets;
        }

        return proto;
    }

    private P.ProfileSection Profile(ProfileSection p)
    {
        var proto = new P.ProfileSection
        {
            Gender = Distribution("profile.gender", p.Gender),
            AgeBands = Distribution("profile.ageBands", p.AgeBands),
            Education = Distribution("profile.education", p.Education),
            YearsInSupport = Numbers("profile.yearsInSupport", p.YearsInSupport),
            YearsInSupportThreshold = p.YearsInSupportThreshold,
            ForsorjningAtStart = Distribution("profile.forsorjningAtStart", p.ForsorjningAtStart),
            MonthsInInsats = Numbers("profile.monthsInInsats", p.MonthsInInsats),
            DaysInInsats = Numbers("profile.daysInInsats", p.DaysInInsats),
            TimeInInsatsBands = Distribution("profile.timeInInsatsBands", p.TimeInInsatsBands),
            EndReasons = Distribution("profile.endReasons", p.EndReasons),
        };
        Set("profile.ended", p.Ended, v => proto.Ended = v);
        Set("profile.yearsInSupportAboveThreshold", p.YearsInSupportAboveThreshold, v => proto.YearsInSupportAboveThreshold = v);
        return proto;
    }

    private P.OriginSection Origin(OriginSection o)
    {
        var proto = new P.OriginSection
        {
            ReferralsByAgency = Distribution("origin.referralsByAgency", o.ReferralsByAgency),
            DaysInInsats = Numbers("origin.daysInInsats", o.DaysInInsats),
        };
        Set("origin.enrolled", o.Enrolled, v => proto.Enrolled = v);
        Set("origin.ended", o.Ended, v => proto.Ended = v);
        Set("origin.ongoing", o.Ongoing, v => proto.Ongoing = v);
        Set("origin.discontinued", o.Discontinued, v => proto.Discontinued = v);
        return proto;
    }

    private P.TransitionTable Transition(string path, TransitionTable t)
    {
        var proto = new P.TransitionTable { Title = t.Title, DenominatorLabel = t.DenominatorLabel, MultiValued = t.MultiValued };
        Set($"{path}.denominator", t.Denominator, v => proto.Denominator = v);
        foreach (var row in t.Rows)
        {
            proto.Rows.Add(new P.TransitionRow
            {
                FromCode = row.FromCode,
                FromLabel = row.FromLabel,
                ToCode = row.ToCode,
                ToLabel = row.ToLabel,
                People = Gender($"{path}.{row.FromCode}>{row.ToCode}", row.People),
            });
        }

        return proto;
    }

    private P.PlanSection Plans(PlanSection p)
    {
        var proto = new P.PlanSection();
        Set("plans.enrolled", p.Enrolled, v => proto.Enrolled = v);
        Set("plans.withCurrentPlan", p.WithCurrentPlan, v => proto.WithCurrentPlan = v);
        SetDecimal(p.CurrentPlanPercent, v => proto.CurrentPlanPercent = v);
        if (p.DeadlineDays is { } days)
        {
            proto.DeadlineDays = days;
        }

        Set("plans.withPlanInTime", p.WithPlanInTime, v => proto.WithPlanInTime = v);
        Set("plans.planInTimeDenominator", p.PlanInTimeDenominator, v => proto.PlanInTimeDenominator = v);
        SetDecimal(p.PlanInTimePercent, v => proto.PlanInTimePercent = v);
        return proto;
    }

    private P.SelfAssessmentInstrument SelfAssessment(SelfAssessmentInstrument i)
    {
        var path = $"selfAssessment.{i.Instrument}";
        var proto = new P.SelfAssessmentInstrument { Instrument = i.Instrument, AreaCount = i.AreaCount, ImprovedThreshold = i.ImprovedThreshold };
        Set($"{path}.pairs", i.Pairs, v => proto.Pairs = v);
        Set($"{path}.atLeastThresholdImproved", i.AtLeastThresholdImproved, v => proto.AtLeastThresholdImproved = v);
        SetDecimal(i.AtLeastThresholdPercent, v => proto.AtLeastThresholdPercent = v);
        foreach (var area in i.Areas)
        {
            var a = new P.SelfAssessmentArea { Area = area.Area };
            Set($"{path}.{area.Area}.n", area.N, v => a.N = v);
            SetDecimal(area.MeanAtStart, v => a.MeanAtStart = v);
            SetDecimal(area.MeanAtEnd, v => a.MeanAtEnd = v);
            Set($"{path}.{area.Area}.improved", area.Improved, v => a.Improved = v);
            proto.Areas.Add(a);
        }

        return proto;
    }

    private P.GroupWorkSection GroupWork(GroupWorkSection g)
    {
        var proto = new P.GroupWorkSection();
        Set("groupWork.groups", g.Groups, v => proto.Groups = v);
        Set("groupWork.groupsCompleted", g.GroupsCompleted, v => proto.GroupsCompleted = v);
        Set("groupWork.groupsCancelled", g.GroupsCancelled, v => proto.GroupsCancelled = v);
        Set("groupWork.traffarHeld", g.TraffarHeld, v => proto.TraffarHeld = v);
        Set("groupWork.participantsStarted", g.ParticipantsStarted, v => proto.ParticipantsStarted = v);
        Set("groupWork.participantsCompleted", g.ParticipantsCompleted, v => proto.ParticipantsCompleted = v);
        SetDecimal(g.AttendancePercent, v => proto.AttendancePercent = v);
        Set("groupWork.evaluationForms", g.EvaluationForms, v => proto.EvaluationForms = v);
        foreach (var statement in g.Evaluations)
        {
            var s = new P.EvaluationStatementResult { Statement = statement.Statement };
            Set($"groupWork.evaluations.{statement.Statement}.n", statement.N, v => s.N = v);
            SetDecimal(statement.Mean, v => s.Mean = v);
            s.Distribution.AddRange(Tallies($"groupWork.evaluations.{statement.Statement}", statement.Distribution));
            proto.Evaluations.Add(s);
        }

        return proto;
    }

    private P.SurveyQuestionResult Survey(SurveyQuestionResult q)
    {
        var path = $"survey.{q.InstrumentId}.v{q.InstrumentVersion}.{q.QuestionCode}";
        var proto = new P.SurveyQuestionResult
        {
            InstrumentId = q.InstrumentId,
            InstrumentVersion = q.InstrumentVersion,
            QuestionCode = q.QuestionCode,
            ThresholdOption = q.ThresholdOption ?? "",
        };
        Set($"{path}.n", q.N, v => proto.N = v);
        proto.Distribution.AddRange(Tallies(path, q.Distribution));
        if (q.AtOrAboveThreshold is { } above)
        {
            Set($"{path}.atOrAboveThreshold", above, v => proto.AtOrAboveThreshold = v);
        }

        SetDecimal(q.AtOrAbovePercent, v => proto.AtOrAbovePercent = v);
        return proto;
    }

    private P.InsatsSummaryRow PerInsats(InsatsSummaryRow row)
    {
        var path = $"perInsats.{row.InsatsId}";
        var proto = new P.InsatsSummaryRow
        {
            InsatsId = row.InsatsId,
            Name = row.Name,
            Kind = row.Kind,
            Individual = row.Individual,
            Active = FlowCount($"{path}.active", row.Active),
            Started = FlowCount($"{path}.started", row.Started),
            Ended = FlowCount($"{path}.ended", row.Ended),
            ActiveAtPeriodEnd = FlowCount($"{path}.activeAtPeriodEnd", row.ActiveAtPeriodEnd),
            ParticipantsByGender = Gender($"{path}.participantsByGender", row.ParticipantsByGender),
        };
        if (row.BudgetedPlaces is { } places)
        {
            proto.BudgetedPlaces = places;
        }

        return proto;
    }

    private P.GenderSplitSection GenderSplit(GenderSplitSection split)
    {
        var proto = new P.GenderSplitSection();
        Set("genderSplit.women", split.Women, v => proto.Women = v);
        Set("genderSplit.men", split.Men, v => proto.Men = v);
        if (split.Total is { } total)
        {
            Set("genderSplit.total", total, v => proto.Total = v);
        }

        foreach (var table in split.Tables)
        {
            var path = $"genderSplit.{table.Code}";
            var t = new P.GenderSplitTable { Code = table.Code, Title = table.Title, MultiValued = table.MultiValued };
            Set($"{path}.womenDenominator", table.WomenDenominator, v => t.WomenDenominator = v);
            Set($"{path}.menDenominator", table.MenDenominator, v => t.MenDenominator = v);
            if (table.TotalDenominator is { } totalDenominator)
            {
                Set($"{path}.totalDenominator", totalDenominator, v => t.TotalDenominator = v);
            }

            foreach (var row in table.Rows)
            {
                var r = new P.GenderSplitRow { Code = row.Code, Label = row.Label };
                Set($"{path}.{row.Code}.women", row.Women, v => r.Women = v);
                Set($"{path}.{row.Code}.men", row.Men, v => r.Men = v);
                SetDecimal(row.WomenPercent, v => r.WomenPercent = v);
                SetDecimal(row.MenPercent, v => r.MenPercent = v);
                if (row.Total is { } rowTotal)
                {
                    Set($"{path}.{row.Code}.total", rowTotal, v => r.Total = v);
                }

                t.Rows.Add(r);
            }

            proto.Tables.Add(t);
        }

        return proto;
    }

    private P.Distribution Distribution(string path, Distribution d)
    {
        var proto = new P.Distribution { DenominatorLabel = d.DenominatorLabel, MultiValued = d.MultiValued };
        Set($"{path}.denominator", d.Denominator, v => proto.Denominator = v);
        proto.Rows.AddRange(Tallies(path, d.Rows));
        return proto;
    }

    private IEnumerable<P.Tally> Tallies(string path, IEnumerable<Tally> rows) => rows.Select(row =>
    {
        var tally = new P.Tally { Code = row.Code, Label = row.Label };
        Set($"{path}.{row.Code}", row.Count, v => tally.Count = v);
        SetDecimal(row.Percent, v => tally.Percent = v);
        return tally;
    }).ToList();

    private P.GenderCounts Gender(string path, GenderCounts g) => _figures.Gender(path, g);

    private P.NumberSummary Numbers(string path, NumberSummary n)
    {
        var proto = new P.NumberSummary();
        Set($"{path}.n", n.N, v => proto.N = v);
        SetDecimal(n.Min, v => proto.Min = v);
        SetDecimal(n.Max, v => proto.Max = v);
        SetDecimal(n.Mean, v => proto.Mean = v);
        return proto;
    }

    private void Set(string path, Count count, Action<int> set) => _figures.Set(path, count, set);

    private static void SetDecimal(decimal? value, Action<double> set)
    {
        if (value is { } v)
        {
            set((double)v);
        }
    }
}
