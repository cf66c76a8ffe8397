using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.UnitTests.Participants.Enrolments;

public sealed class KartlaggningAndPlanTests : EnrolmentTestBase
{
    private RecordKartlaggningHandler Kartlaggning => Harness.Get<RecordKartlaggningHandler>();

    private RecordPlanHandler Plan => Harness.Get<RecordPlanHandler>();

    private Task<Enrolment> KartlaggningAsync(Enrolment enrolment, DateOnly? date = null, IReadOnlyList<string>? areas = null, string? etag = null) =>
        Kartlaggning.HandleAsync(Staff, new RecordKartlaggningCommand(enrolment.Id, etag ?? Etag(enrolment), date ?? Today, areas ?? ["bakgrund", "hälsa"]), Ct);

    private static RecordPlanCommand PlanCommand(Enrolment enrolment, DateOnly recordedOn, string goalKind = "work", DateOnly? reviewDate = null) =>
        new(enrolment.Id, Etag(enrolment), recordedOn, goalKind, "Arbete på deltid inom ett år", ["Praktik"], ["Struktur i vardagen"], reviewDate ?? recordedOn.AddMonths(3));

    [Fact]
    public async Task Kartlaggning_is_recorded_and_the_etag_moves_on()
    {
        var enrolment = await EnrolledAsync(new DateOnly(2026, 2, 2));
        var etag = Etag(enrolment);

        var changed = await KartlaggningAsync(enrolment, new DateOnly(2026, 2, 10), ["bakgrund", "hälsa", "social situation"]);

        Assert.NotEqual(etag, Etag(changed));
        var stored = await Repository.GetAsync(enrolment.Id, Ct);
        var kartlaggning = Assert.Single(stored!.Kartlaggningar);
        Assert.Equal(new DateOnly(2026, 2, 10), kartlaggning.Date);
        Assert.Equal(["bakgrund", "hälsa", "social situation"], kartlaggning.Areas);
    }

    [Fact]
    public async Task Kartlaggning_before_the_start_or_in_the_future_names_the_date()
    {
        var enrolment = await EnrolledAsync(new DateOnly(2026, 2, 2));

        Assert.Equal("date", Field(await Assert.ThrowsAsync<ValidationFailedException>(() => KartlaggningAsync(enrolment, new DateOnly(2026, 2, 1)))));
        Assert.Equal("date", Field(await Assert.ThrowsAsync<ValidationFailedException>(() => KartlaggningAsync(enrolment, Today.AddDays(1)))));
        Assert.Equal("areas", Field(await Assert.ThrowsAsync<ValidationFailedException>(() => KartlaggningAsync(enrolment, areas: []))));
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_changes_nothing()
    {
        var enrolment = await EnrolledAsync(new DateOnly(2026, 2, 2));
        var stale = Etag(enrolment);
        await KartlaggningAsync(enrolment);

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => KartlaggningAsync(enrolment, etag: stale));

        Assert.Equal(EnrolmentAccess.ReasonChanged, ex.Reason);
        Assert.Single((await Repository.GetAsync(enrolment.Id, Ct))!.Kartlaggningar);
    }

    [Fact]
    public async Task Missing_etag_is_a_violation_of_etag()
    {
        var enrolment = await EnrolledAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => KartlaggningAsync(enrolment, etag: ""));

        Assert.Equal("etag", Field(ex));
    }

    [Fact]
    public async Task Two_writers_with_the_same_etag_one_wins_the_other_is_aborted()
    {
        var enrolment = await EnrolledAsync(new DateOnly(2026, 2, 2));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            try
            {
                await KartlaggningAsync(enrolment);
                return "saved";
            }
            catch (ConcurrencyConflictException)
            {
                return "aborted";
            }
        })));

        Assert.Equal(1, outcomes.Count(o => o == "saved"));
        Assert.Single((await Repository.GetAsync(enrolment.Id, Ct))!.Kartlaggningar);
    }

    [Fact]
    public async Task The_version_checked_write_refuses_a_copy_read_before_another_write()
    {
        var enrolment = await EnrolledAsync();
        var first = await Repository.GetAsync(enrolment.Id, Ct);
        var second = await Repository.GetAsync(enrolment.Id, Ct);
        await Repository.SaveAsync(first!, [], Ct);

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Repository.SaveAsync(second!, [], Ct));

        Assert.Equal(EnrolmentAccess.ReasonChanged, ex.Reason);
    }

    [Fact]
    public async Task Staff_of_another_insats_may_not_record_and_the_denial_is_logged()
    {
        var enrolment = await EnrolledAsync();

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => Kartlaggning.HandleAsync(
            OtherInsatsStaff, new RecordKartlaggningCommand(enrolment.Id, Etag(enrolment), Today, ["hälsa"]), Ct));

        Assert.Equal(ParticipantAccess.ReasonNotInOwnInsats, ex.Reason);
        var entry = (await Harness.Get<IAccessLog>().ListForParticipantAsync(enrolment.ParticipantId!, Ct)).Last();
        Assert.Equal((AccessActions.ChangeEnrolment, AccessOutcome.Denied), (entry.Action, entry.Outcome));
    }

    [Fact]
    public async Task Plan_within_the_deadline_is_published_as_within()
    {
        var enrolment = await EnrolledAsync(new DateOnly(2026, 2, 2));

        await Plan.HandleAsync(Staff, PlanCommand(enrolment, new DateOnly(2026, 3, 2), "studies"), Ct);

        var recorded = Assert.Single(await EventsAsync<PlanRecorded>());
        Assert.True(recorded.WithinDeadline);
        Assert.Equal("studies", recorded.GoalKind);
        Assert.Equal(new DateOnly(2026, 6, 2), recorded.ReviewDate);
        var plan = Assert.Single((await Repository.GetAsync(enrolment.Id, Ct))!.Plans);
        Assert.Equal("Arbete på deltid inom ett år", plan.Huvudmal);
        Assert.Equal(["Praktik"], plan.Delmal);
        Assert.Equal(["Struktur i vardagen"], plan.Strategies);
    }

    [Fact]
    public async Task Plan_after_the_deadline_is_published_as_late_and_a_revision_keeps_the_first()
    {
        // Started 1 Jan, due 29 Jan.
        var enrolment = await EnrolledAsync(new DateOnly(2026, 1, 1));

        var changed = await Plan.HandleAsync(Staff, PlanCommand(enrolment, new DateOnly(2026, 1, 30)), Ct);
        await Plan.HandleAsync(Staff, PlanCommand(changed, new DateOnly(2026, 3, 1)), Ct);

        var recorded = await EventsAsync<PlanRecorded>();
        Assert.Equal([false, false], recorded.Select(r => r.WithinDeadline));
        Assert.Equal(2, (await Repository.GetAsync(enrolment.Id, Ct))!.Plans.Count);
    }

    [Fact]
    public async Task Plan_in_an_insats_without_deadline_has_no_within_deadline()
    {
        var enrolment = await EnrolledAsync(new DateOnly(2026, 1, 1), InsatsB);

        await Plan.HandleAsync(Staff, PlanCommand(enrolment, Today), Ct);

        Assert.Null(Assert.Single(await EventsAsync<PlanRecorded>()).WithinDeadline);
    }

    [Fact]
    public async Task Plan_fields_are_validated_together()
    {
        var enrolment = await EnrolledAsync(new DateOnly(2026, 2, 2));
        var command = new RecordPlanCommand(enrolment.Id, Etag(enrolment), null, "pension", " ", [new string('d', 501)], [], null);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Plan.HandleAsync(Staff, command, Ct));

        Assert.Equal(["delmal", "goal_kind", "huvudmal", "recorded_on"], Fields(ex));
    }

    [Fact]
    public async Task Review_date_before_the_plan_is_refused()
    {
        var enrolment = await EnrolledAsync(new DateOnly(2026, 2, 2));

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Plan.HandleAsync(Staff, PlanCommand(enrolment, Today, reviewDate: Today.AddDays(-1)), Ct));

        Assert.Equal("review_date", Field(ex));
    }
}
