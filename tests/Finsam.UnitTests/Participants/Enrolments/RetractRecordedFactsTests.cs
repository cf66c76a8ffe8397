using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.UnitTests.Participants.Enrolments;

public sealed class RetractRecordedFactsTests : RecordedFactsTestBase
{
    private const string Why = "Registrerad på fel deltagare";

    private static RetractRecordCommand Retract(Enrolment enrolment, string recordId, string? reason = Why) => new(enrolment.Id, recordId, Etag(enrolment), reason);

    private Task<IReadOnlyList<OverduePlan>> OverdueAsync() => Harness.Get<ListOverduePlansHandler>().HandleAsync(Staff, InsatsA, Ct);

    [Fact]
    public async Task A_retracted_plan_stays_shown_as_retracted_and_the_stay_is_overdue_again()
    {
        var planned = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 20));
        var planId = planned.Plans[0].Id;
        Assert.Empty(await OverdueAsync());

        await Retractions.RetractPlanAsync(Staff, Retract(planned, planId), Ct);

        var read = await ReadAsync(planned);
        var plan = Assert.Single(read.Plans);
        Assert.True(plan.Retracted);
        Assert.Equal(("Arbete på deltid", new DateOnly(2026, 1, 20)), (plan.Huvudmal, plan.RecordedOn)); // kept as it was
        var line = Assert.Single(read.Corrections);
        Assert.Equal(($"plans[{planId}].retracted", "false", "true", Why, "samordnare-1"), (line.Field, line.OldValue, line.NewValue, line.Reason, line.ChangedBy.Subject));
        Assert.Equal([planned.Id], (await OverdueAsync()).Select(o => o.Enrolment.Id));
        var published = Assert.Single(await EventsAsync<PlanRetracted>());
        Assert.Equal((planned.Id, InsatsA, planId), (published.EnrolmentId, published.InsatsId, published.PlanId));
    }

    [Fact]
    public async Task Retracting_the_plan_that_came_in_time_makes_the_stay_late()
    {
        var enrolment = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 20));
        enrolment = await PlanAsync(enrolment, new DateOnly(2026, 2, 10), "Reviderad plan");
        var (first, second) = (enrolment.Plans[0].Id, enrolment.Plans[1].Id);

        var retracted = await Retractions.RetractPlanAsync(Staff, Retract(enrolment, first), Ct);

        Assert.Equal([(true, true), (false, false)], retracted.Plans.Select(p => (p.Retracted, p.WithinDeadline!.Value)));
        Assert.Equal(
            [($"plans[{first}].retracted", "false", "true"), ($"plans[{second}].within_deadline", "true", "false")],
            await HistoryAsync(retracted));
        Assert.Equal(first, Assert.Single(await EventsAsync<PlanRetracted>()).PlanId);
        var corrected = Assert.Single(await EventsAsync<PlanCorrected>());
        Assert.Equal((second, (bool?)false), (corrected.PlanId, corrected.WithinDeadline));
        // A plan recorded now is judged without the retracted one.
        var third = await PlanAsync(retracted, new DateOnly(2026, 2, 20));
        Assert.False(third.Plans[2].WithinDeadline);
    }

    [Fact]
    public async Task A_retracted_self_assessment_no_longer_counts_in_the_change()
    {
        var enrolment = await SelfAssessmentAsync(await EnrolledAsync(Started), "start", Livshjul(2), Started);
        enrolment = await SelfAssessmentAsync(enrolment, "end", Livshjul(3), new DateOnly(2026, 2, 10));
        // Recorded later, on the wrong person: it would count as the end assessment.
        enrolment = await SelfAssessmentAsync(enrolment, "end", Livshjul(1), new DateOnly(2026, 2, 20));
        var wrong = enrolment.SelfAssessments[2].Id;
        Assert.Equal(0, (await ChangeAsync(enrolment)).ImprovedAreas);

        var retracted = await Retractions.RetractSelfAssessmentAsync(Staff, Retract(enrolment, wrong), Ct);

        var change = await ChangeAsync(retracted);
        Assert.Equal((8, new DateOnly(2026, 2, 10)), (change.ImprovedAreas, change.EndAssessedOn!.Value));
        Assert.Equal(3, retracted.SelfAssessments.Count);
        var published = Assert.Single(await EventsAsync<AssessmentRetracted>());
        Assert.Equal((wrong, "self"), (published.AssessmentId, published.Kind));

        // Retracting the only start leaves nothing to compare.
        var noStart = await Retractions.RetractSelfAssessmentAsync(Staff, Retract(retracted, retracted.SelfAssessments[0].Id), Ct);
        Assert.Equal(0, (await ChangeAsync(noStart)).ComparedAreas);
    }

    [Fact]
    public async Task A_retracted_staff_assessment_is_kept_and_reported_retracted()
    {
        var assessed = await StaffAssessmentAsync(await EnrolledAsync(Started), new DateOnly(2026, 2, 1));
        var id = assessed.Assessments[0].Id;

        var retracted = await Retractions.RetractAssessmentAsync(Staff, Retract(assessed, id), Ct);

        Assert.True(Assert.Single((await ReadAsync(retracted)).Assessments).Retracted);
        var published = Assert.Single(await EventsAsync<AssessmentRetracted>());
        Assert.Equal((assessed.Id, id, "staff"), (published.EnrolmentId, published.AssessmentId, published.Kind));
        Assert.DoesNotContain(Why, System.Text.Json.JsonSerializer.Serialize(published), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retracted_follow_up_no_longer_bounds_a_corrected_end()
    {
        var participant = await RegisterAsync();
        await ConsentAsync(participant, new DateOnly(2024, 9, 1));
        var ended = await EndAsync(await StartAsync(Identified(participant.Id, startDate: new DateOnly(2024, 9, 1))), new DateOnly(2025, 2, 20));
        var followed = await FollowUpAsync(ended, new DateOnly(2025, 3, 1));
        var id = followed.FollowUps[0].Id;
        var endCorrection = new CorrectEnrolmentEndCommand(followed.Id, Etag(followed), new DateOnly(2025, 3, 5), [], "", [], "Fel slutdatum");
        var bounded = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.Get<CorrectEnrolmentHandlers>().CorrectEndAsync(Staff, endCorrection, Ct));
        Assert.Equal("end_date", Field(bounded));

        var retracted = await Retractions.RetractFollowUpAsync(Staff, Retract(followed, id), Ct);

        Assert.True(retracted.FollowUps[0].Retracted);
        var published = Assert.Single(await EventsAsync<FollowUpRetracted>());
        Assert.Equal((ended.Id, id), (published.EnrolmentId, published.FollowUpId));
        var corrected = await Harness.Get<CorrectEnrolmentHandlers>().CorrectEndAsync(Staff, endCorrection with { Etag = Etag(retracted) }, Ct);
        Assert.Equal(new DateOnly(2025, 3, 5), corrected.Ending!.EndDate);
    }

    [Fact]
    public async Task A_retracted_kartlaggning_tells_nobody_and_no_longer_bounds_the_start()
    {
        var mapped = await KartlaggningAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 6));
        var id = mapped.Kartlaggningar[0].Id;
        var before = (await EventsAsync()).Count;

        var retracted = await Retractions.RetractKartlaggningAsync(Staff, Retract(mapped, id), Ct);

        Assert.True(retracted.Kartlaggningar[0].Retracted);
        Assert.Equal([($"kartlaggningar[{id}].retracted", "false", "true")], await HistoryAsync(retracted));
        Assert.Equal(before, (await EventsAsync()).Count);
        var moved = await Harness.Get<CorrectEnrolmentHandlers>().CorrectStartAsync(
            Staff, new CorrectEnrolmentStartCommand(retracted.Id, Etag(retracted), new DateOnly(2026, 1, 8), [], [], null, null, null, "Fel startdatum"), Ct);
        Assert.Equal(new DateOnly(2026, 1, 8), moved.Start.StartDate);
    }

    [Fact]
    public async Task A_retracted_record_is_neither_retracted_again_nor_corrected()
    {
        var planned = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 20));
        var planId = planned.Plans[0].Id;
        var retracted = await Retractions.RetractPlanAsync(Staff, Retract(planned, planId), Ct);

        var again = await Assert.ThrowsAsync<PreconditionFailedException>(() => Retractions.RetractPlanAsync(Staff, Retract(retracted, planId), Ct));
        var correct = await Assert.ThrowsAsync<PreconditionFailedException>(() => Corrections.CorrectPlanAsync(
            Staff, new CorrectPlanCommand(retracted.Id, planId, Etag(retracted), new DateOnly(2026, 1, 21), null, null, [], [], null, "Fel datum"), Ct));

        Assert.Equal([RecordedFacts.ReasonRetracted, RecordedFacts.ReasonRetracted], [again.Reason, correct.Reason]);
        Assert.Single((await ReadAsync(planned)).Corrections);
    }

    [Fact]
    public async Task Retraction_needs_a_reason_the_records_id_and_a_current_etag()
    {
        var planned = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 20));
        var planId = planned.Plans[0].Id;

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Retractions.RetractPlanAsync(Staff, new RetractRecordCommand(planned.Id, " ", "", ""), Ct));
        Assert.Equal(["etag", "plan_id", "reason"], Fields(invalid));
        var unknown = await Assert.ThrowsAsync<NotFoundException>(
            () => Retractions.RetractFollowUpAsync(Staff, Retract(planned, planId), Ct));
        Assert.Equal(RecordKind.FollowUp.NotFoundReason, unknown.Reason);

        await Retractions.RetractPlanAsync(Staff, Retract(planned, planId), Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Retractions.RetractAssessmentAsync(Staff, Retract(planned, planId), Ct));
    }

    [Fact]
    public async Task Staff_of_another_insats_may_not_retract_and_the_denial_is_logged()
    {
        var planned = await PlanAsync(await EnrolledAsync(Started), new DateOnly(2026, 1, 20));

        await Assert.ThrowsAsync<PermissionDeniedException>(() => Retractions.RetractPlanAsync(OtherInsatsStaff, Retract(planned, planned.Plans[0].Id), Ct));

        Assert.False((await ReadAsync(planned)).Plans[0].Retracted);
        Assert.Contains(
            await Harness.Get<IAccessLog>().ListForParticipantAsync(planned.ParticipantId!, Ct),
            e => (e.Action, e.Subject, e.Outcome) == (AccessActions.ChangeEnrolment, "deltagaransvarig-9", AccessOutcome.Denied));
    }
}
