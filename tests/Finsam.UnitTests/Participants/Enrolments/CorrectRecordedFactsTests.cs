using System.Text.Json;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.UnitTests.Participants.Enrolments;

public sealed class CorrectRecordedFactsTests : RecordedFactsTestBase
{
    private const string Why = "Fel datum angavs";

    private static CorrectPlanCommand CorrectPlan(
        Enrolment enrolment,
        DateOnly? recordedOn = null,
        string? goalKind = null,
        string? huvudmal = null,
        IReadOnlyList<string>? delmal = null,
        DateOnly? reviewDate = null,
        string? reason = Why) =>
        new(enrolment.Id, enrolment.Plans[^1].Id, Etag(enrolment), recordedOn, goalKind, huvudmal, delmal ?? [], [], reviewDate, reason);

    [Fact]
    public async Task Correcting_a_plan_keeps_the_earlier_values_who_when_and_why_and_publishes_its_facts()
    {
        var planned = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 20), reviewDate: new DateOnly(2026, 4, 1));
        var planId = planned.Plans[0].Id;
        Harness.Clock.Now = Harness.Clock.Now.AddHours(1);

        var corrected = await Corrections.CorrectPlanAsync(
            Staff, CorrectPlan(planned, new DateOnly(2026, 1, 22), "studies", "Studier på komvux", reviewDate: new DateOnly(2026, 4, 15)), Ct);

        var plan = Assert.Single(corrected.Plans);
        Assert.Equal((planId, new DateOnly(2026, 1, 22), "studies", "Studier på komvux"), (plan.Id, plan.RecordedOn, plan.GoalKind, plan.Huvudmal));
        Assert.Equal(["Arbetsträning två dagar i veckan"], plan.Delmal); // not sent: kept
        Assert.Equal(
            [
                ($"plans[{planId}].recorded_on", "2026-01-20", "2026-01-22"),
                ($"plans[{planId}].goal_kind", "work", "studies"),
                ($"plans[{planId}].huvudmal", "Arbete på deltid", "Studier på komvux"),
                ($"plans[{planId}].review_date", "2026-04-01", "2026-04-15"),
            ],
            await HistoryAsync(corrected));
        Assert.All(corrected.Corrections, c =>
        {
            Assert.Equal(("samordnare-1", Why), (c.ChangedBy.Subject, c.Reason));
            Assert.Equal(Harness.Clock.Now.UtcDateTime, c.ChangedAt);
        });
        var published = Assert.Single(await EventsAsync<PlanCorrected>());
        Assert.Equal(
            (planned.Id, InsatsA, planId, new DateOnly(2026, 1, 22), "studies", (DateOnly?)new DateOnly(2026, 4, 15), (bool?)true),
            (published.EnrolmentId, published.InsatsId, published.PlanId, published.RecordedOn, published.GoalKind, published.ReviewDate, published.WithinDeadline));
        // Neither the plan's texts nor the reason travel.
        var json = JsonSerializer.Serialize(published);
        Assert.DoesNotContain("komvux", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Why, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correcting_only_a_plans_texts_is_history_without_an_event()
    {
        var planned = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 20));
        var planId = planned.Plans[0].Id;

        var corrected = await Corrections.CorrectPlanAsync(Staff, CorrectPlan(planned, huvudmal: "Arbete på heltid", delmal: ["Praktik", "CV"]), Ct);

        Assert.Equal(["Praktik", "CV"], corrected.Plans[0].Delmal);
        Assert.Equal(
            [
                ($"plans[{planId}].huvudmal", "Arbete på deltid", "Arbete på heltid"),
                ($"plans[{planId}].delmal", "Arbetsträning två dagar i veckan", "Praktik\nCV"),
            ],
            await HistoryAsync(corrected));
        Assert.Empty(await EventsAsync<PlanCorrected>());
    }

    [Fact]
    public async Task A_plan_date_moved_past_the_due_day_makes_the_stay_late_for_every_plan_that_counts()
    {
        var enrolment = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 20));
        enrolment = await PlanAsync(enrolment, new DateOnly(2026, 2, 10), "Reviderad plan");
        var (first, second) = (enrolment.Plans[0].Id, enrolment.Plans[1].Id);
        Assert.Equal([true, true], enrolment.Plans.Select(p => p.WithinDeadline));

        var corrected = await Corrections.CorrectPlanAsync(
            Staff, new CorrectPlanCommand(enrolment.Id, first, Etag(enrolment), new DateOnly(2026, 2, 5), null, null, [], [], null, Why), Ct);

        Assert.Equal([false, false], corrected.Plans.Select(p => p.WithinDeadline));
        Assert.Equal(
            [
                ($"plans[{first}].recorded_on", "2026-01-20", "2026-02-05"),
                ($"plans[{first}].within_deadline", "true", "false"),
                ($"plans[{second}].within_deadline", "true", "false"),
            ],
            await HistoryAsync(corrected));
        var published = await EventsAsync<PlanCorrected>();
        Assert.Equal([(first, false), (second, false)], published.Select(e => (e.PlanId, e.WithinDeadline!.Value)));
    }

    [Fact]
    public async Task A_corrected_start_date_moves_the_due_day_and_with_it_within_deadline()
    {
        var enrolment = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 2, 1));
        Assert.True(enrolment.Plans[0].WithinDeadline);

        // Start 1 January: due 29 January, so a plan on 1 February came late.
        var corrected = await Harness.Get<CorrectEnrolmentHandlers>().CorrectStartAsync(
            Staff, new CorrectEnrolmentStartCommand(enrolment.Id, Etag(enrolment), new DateOnly(2026, 1, 1), [], [], null, null, null, "Fel startdatum"), Ct);

        Assert.False(corrected.Plans[0].WithinDeadline);
        Assert.Contains(($"plans[{enrolment.Plans[0].Id}].within_deadline", "true", "false"), await HistoryAsync(corrected));
        Assert.False(Assert.Single(await EventsAsync<PlanCorrected>()).WithinDeadline);
        Assert.Single(await EventsAsync<EnrolmentStartCorrected>());
    }

    [Fact]
    public async Task Plan_correction_validates_like_recording_and_names_each_field()
    {
        var planned = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 20), reviewDate: new DateOnly(2026, 2, 1));

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Corrections.CorrectPlanAsync(
            Staff, CorrectPlan(planned, goalKind: "semester", delmal: ["ok", "  "], reason: " "), Ct));
        Assert.Equal(["delmal", "goal_kind", "reason"], Fields(invalid));

        var future = await Assert.ThrowsAsync<ValidationFailedException>(() => Corrections.CorrectPlanAsync(Staff, CorrectPlan(planned, Today.AddDays(1)), Ct));
        Assert.Equal("recorded_on", Field(future));

        var afterReview = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Corrections.CorrectPlanAsync(Staff, CorrectPlan(planned, new DateOnly(2026, 2, 2)), Ct));
        Assert.Equal("recorded_on", Field(afterReview));
        Assert.Contains("2026-02-01", afterReview.Violations[0].Description, StringComparison.Ordinal);

        var beforeStart = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Corrections.CorrectPlanAsync(Staff, CorrectPlan(planned, new DateOnly(2026, 1, 4)), Ct));
        Assert.Equal("recorded_on", Field(beforeStart));

        var review = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Corrections.CorrectPlanAsync(Staff, CorrectPlan(planned, reviewDate: new DateOnly(2026, 1, 19)), Ct));
        Assert.Equal("review_date", Field(review));

        var noId = await Assert.ThrowsAsync<ValidationFailedException>(() => Corrections.CorrectPlanAsync(
            Staff, CorrectPlan(planned, new DateOnly(2026, 1, 21)) with { PlanId = "" }, Ct));
        Assert.Equal("plan_id", Field(noId));
        Assert.Empty((await ReadAsync(planned)).Corrections);
    }

    [Fact]
    public async Task An_unknown_record_is_not_found_naming_its_kind()
    {
        var planned = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 20));

        var ex = await Assert.ThrowsAsync<NotFoundException>(() => Corrections.CorrectPlanAsync(
            Staff, CorrectPlan(planned, new DateOnly(2026, 1, 21)) with { PlanId = Guid.NewGuid().ToString() }, Ct));

        Assert.Equal(RecordKind.Plan.NotFoundReason, ex.Reason);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_changes_nothing()
    {
        var planned = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 20));
        await Corrections.CorrectPlanAsync(Staff, CorrectPlan(planned, new DateOnly(2026, 1, 21)), Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Corrections.CorrectPlanAsync(Staff, CorrectPlan(planned, new DateOnly(2026, 1, 25)), Ct));

        Assert.Equal(new DateOnly(2026, 1, 21), (await ReadAsync(planned)).Plans[0].RecordedOn);
        Assert.Single(await EventsAsync<PlanCorrected>());
    }

    [Fact]
    public async Task Staff_of_another_insats_may_not_correct_and_the_denial_is_logged()
    {
        var planned = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 20));

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => Corrections.CorrectPlanAsync(OtherInsatsStaff, CorrectPlan(planned, new DateOnly(2026, 1, 21)), Ct));

        Assert.Equal(ParticipantAccess.ReasonNotInOwnInsats, ex.Reason);
        var entry = (await Harness.Get<IAccessLog>().ListForParticipantAsync(planned.ParticipantId!, Ct))[^1];
        Assert.Equal((AccessActions.ChangeEnrolment, "deltagaransvarig-9", AccessOutcome.Denied), (entry.Action, entry.Subject, entry.Outcome));
        // An administrator may.
        var corrected = await Corrections.CorrectPlanAsync(Administrator, CorrectPlan(planned, new DateOnly(2026, 1, 21)), Ct);
        Assert.Equal("admin-1", corrected.Corrections[0].ChangedBy.Subject);
    }

    [Fact]
    public async Task Nothing_differing_writes_nothing()
    {
        var planned = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 20));

        var same = await Corrections.CorrectPlanAsync(Staff, CorrectPlan(planned, new DateOnly(2026, 1, 20), "work", "Arbete på deltid"), Ct);

        Assert.Equal(planned.Version, same.Version);
        Assert.Empty(same.Corrections);
    }

    [Fact]
    public async Task Correcting_a_kartlaggning_keeps_its_id_and_earlier_values_and_tells_nobody()
    {
        var mapped = await KartlaggningAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 10), "bakgrund", "hälsa");
        var id = mapped.Kartlaggningar[0].Id;
        var before = (await EventsAsync()).Count;

        var corrected = await Corrections.CorrectKartlaggningAsync(
            Staff, new CorrectKartlaggningCommand(mapped.Id, id, Etag(mapped), new DateOnly(2026, 1, 12), ["bakgrund", "arbetssituation"], "Fel dag"), Ct);

        Assert.Equal((id, new DateOnly(2026, 1, 12)), (corrected.Kartlaggningar[0].Id, corrected.Kartlaggningar[0].Date));
        Assert.Equal(
            [($"kartlaggningar[{id}].date", "2026-01-10", "2026-01-12"), ($"kartlaggningar[{id}].areas", "bakgrund\nhälsa", "bakgrund\narbetssituation")],
            await HistoryAsync(corrected));
        Assert.Equal(before, (await EventsAsync()).Count);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Corrections.CorrectKartlaggningAsync(
            Staff, new CorrectKartlaggningCommand(mapped.Id, id, Etag(corrected), new DateOnly(2026, 1, 1), [], "Fel dag"), Ct));
        Assert.Equal("date", Field(ex));
    }

    [Fact]
    public async Task Correcting_a_staff_assessment_publishes_instrument_and_date_never_the_result()
    {
        var assessed = await StaffAssessmentAsync(await EnrolledAsync(Started), new DateOnly(2026, 2, 1));
        var id = assessed.Assessments[0].Id;

        var resultOnly = await Corrections.CorrectAssessmentAsync(
            Staff, new CorrectAssessmentCommand(assessed.Id, id, Etag(assessed), null, null, null, null, "Arbetsförmåga 2 av 4", "Felskrivning"), Ct);
        Assert.Empty(await EventsAsync<AssessmentCorrected>());

        var corrected = await Corrections.CorrectAssessmentAsync(
            Staff, new CorrectAssessmentCommand(assessed.Id, id, Etag(resultOnly), "AWP", "", "", new DateOnly(2026, 2, 3), "", "Fel instrument"), Ct);

        var assessment = corrected.Assessments[0];
        Assert.Equal(("AWP", "2", "1-4", new DateOnly(2026, 2, 3), "Arbetsförmåga 2 av 4"),
            (assessment.Instrument, assessment.InstrumentVersion, assessment.Scale, assessment.AssessedOn, assessment.Result));
        Assert.Equal(
            [
                ($"assessments[{id}].result", "Arbetsförmåga 3 av 4", "Arbetsförmåga 2 av 4"),
                ($"assessments[{id}].instrument", "DOA", "AWP"),
                ($"assessments[{id}].assessed_on", "2026-02-01", "2026-02-03"),
            ],
            await HistoryAsync(corrected));
        var published = Assert.Single(await EventsAsync<AssessmentCorrected>());
        Assert.Equal((id, "staff", "AWP", "2", "other", new DateOnly(2026, 2, 3)),
            (published.AssessmentId, published.Kind, published.Instrument, published.InstrumentVersion, published.Phase, published.AssessedOn));
        Assert.DoesNotContain("Arbetsförmåga", JsonSerializer.Serialize(published), StringComparison.Ordinal);

        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => Corrections.CorrectAssessmentAsync(
            Staff, new CorrectAssessmentCommand(assessed.Id, id, Etag(corrected), "Anna har ont i ryggen och mår dåligt", null, null, Today.AddDays(1), null, "x"), Ct));
        Assert.Equal(["instrument"], Fields(bad)); // fields first; the date is checked once they are valid
    }

    [Fact]
    public async Task Correcting_self_assessment_scores_changes_those_areas_and_the_computed_change()
    {
        var enrolment = await SelfAssessmentAsync(await EnrolledAsync(Started), "start", Livshjul(2), Started);
        enrolment = await SelfAssessmentAsync(enrolment, "end", Livshjul(3), new DateOnly(2026, 2, 20));
        var endId = enrolment.SelfAssessments[1].Id;
        Assert.Equal(8, (await ChangeAsync(enrolment)).ImprovedAreas);

        var corrected = await Corrections.CorrectSelfAssessmentAsync(
            Staff,
            new CorrectSelfAssessmentCommand(enrolment.Id, endId, Etag(enrolment), null, null, new Dictionary<string, int> { ["mat"] = 1, ["somn"] = 2 }, "Fel poäng"),
            Ct);

        Assert.Equal(1, corrected.SelfAssessments[1].Scores["mat"]);
        Assert.Equal(3, corrected.SelfAssessments[1].Scores["stress"]);
        Assert.Equal(
            [($"self_assessments[{endId}].scores[mat]", "3", "1"), ($"self_assessments[{endId}].scores[somn]", "3", "2")],
            await HistoryAsync(corrected));
        Assert.Equal(6, (await ChangeAsync(corrected)).ImprovedAreas);
        var published = Assert.Single(await EventsAsync<AssessmentCorrected>());
        Assert.Equal(("self", "livshjul", "1", "end"), (published.Kind, published.Instrument, published.InstrumentVersion, published.Phase));
        Assert.Equal(8, published.Scores.Count);
        Assert.Equal(1, published.Scores["mat"]);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Corrections.CorrectSelfAssessmentAsync(
            Staff,
            new CorrectSelfAssessmentCommand(corrected.Id, endId, Etag(corrected), "mitten", null, new Dictionary<string, int> { ["mat"] = 7 }, "Fel poäng"),
            Ct));
        Assert.Equal(["phase"], Fields(ex));
        ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Corrections.CorrectSelfAssessmentAsync(
            Staff,
            new CorrectSelfAssessmentCommand(corrected.Id, endId, Etag(corrected), "end", Today.AddDays(1), new Dictionary<string, int> { ["mat"] = 7 }, "Fel poäng"),
            Ct));
        Assert.Equal(["assessed_on", "scores[mat]"], Fields(ex));
    }

    [Fact]
    public async Task Correcting_a_follow_up_date_publishes_it_and_keeps_it_within_twelve_months()
    {
        var participant = await RegisterAsync();
        await ConsentAsync(participant, new DateOnly(2024, 9, 1));
        var ended = await EndAsync(await StartAsync(Identified(participant.Id, startDate: new DateOnly(2024, 9, 1))), new DateOnly(2025, 2, 20));
        var followed = await FollowUpAsync(ended, new DateOnly(2025, 6, 1));
        var id = followed.FollowUps[0].Id;
        Assert.Equal(id, Assert.Single(await EventsAsync<FollowUpRecorded>()).FollowUpId);

        var tooLate = await Assert.ThrowsAsync<ValidationFailedException>(() => Corrections.CorrectFollowUpAsync(
            Staff, new CorrectFollowUpCommand(followed.Id, id, Etag(followed), new DateOnly(2026, 2, 21), null, "Fel dag"), Ct));
        Assert.Equal("contact_on", Field(tooLate));

        var corrected = await Corrections.CorrectFollowUpAsync(
            Staff, new CorrectFollowUpCommand(followed.Id, id, Etag(followed), new DateOnly(2025, 6, 3), "Arbetar kvar", "Fel dag"), Ct);

        Assert.Equal(
            [($"follow_ups[{id}].contact_on", "2025-06-01", "2025-06-03"), ($"follow_ups[{id}].note", "Arbetar kvar, trivs", "Arbetar kvar")],
            await HistoryAsync(corrected));
        var published = Assert.Single(await EventsAsync<FollowUpCorrected>());
        Assert.Equal((ended.Id, id, new DateOnly(2025, 6, 3)), (published.EnrolmentId, published.FollowUpId, published.ContactOn));
    }

    [Fact]
    public async Task Gallring_removes_corrected_texts_from_the_history_and_the_stay_takes_no_more_corrections()
    {
        var planned = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 20));
        await Corrections.CorrectPlanAsync(Staff, CorrectPlan(planned, new DateOnly(2026, 1, 21), huvudmal: "Arbete hos Anna Svensson AB"), Ct);

        await Harness.Get<EnrolmentLinks>().RemoveIdentifyingDataAsync(planned.ParticipantId!, Ct);

        var stripped = await ReadAsync(planned);
        var planId = planned.Plans[0].Id;
        Assert.Equal(
            [
                ($"plans[{planId}].recorded_on", "2026-01-20", "2026-01-21"),
                ($"plans[{planId}].huvudmal", EnrolmentLinks.Removed, EnrolmentLinks.Removed),
            ],
            stripped.Corrections.Select(c => (c.Field, c.OldValue, c.NewValue)));
        Assert.All(stripped.Corrections, c => Assert.Equal(EnrolmentLinks.Removed, c.Reason));
        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(
            () => Corrections.CorrectPlanAsync(Staff, CorrectPlan(stripped, huvudmal: "Arbete hos Anna Svensson AB"), Ct));
        Assert.Equal(RecordedFacts.ReasonIdentifyingDataRemoved, ex.Reason);
    }
}
