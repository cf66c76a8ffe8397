using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Enrolments;
using Finsam.Platform.Errors;

namespace Finsam.UnitTests.Participants.Enrolments;

public sealed class OverduePlanTests : EnrolmentTestBase
{
    private Task<IReadOnlyList<OverduePlan>> OverdueAsync(AccessContext? context = null, string insatsId = InsatsA) =>
        Harness.Get<ListOverduePlansHandler>().HandleAsync(context ?? Staff, insatsId, Ct);

    [Fact]
    public async Task Active_stays_without_a_plan_past_the_deadline_are_listed_oldest_first()
    {
        // Insats A: 28 days. Today 2 March: a stay that started before 2 February is overdue.
        var late = await EnrolledAsync(new DateOnly(2026, 1, 10));
        var later = await EnrolledAsync(new DateOnly(2026, 1, 31));
        await EnrolledAsync(new DateOnly(2026, 2, 2)); // due today: not yet overdue
        var planned = await EnrolledAsync(new DateOnly(2026, 1, 5));
        await Harness.Get<RecordPlanHandler>().HandleAsync(
            Staff, new RecordPlanCommand(planned.Id, Etag(planned), new DateOnly(2026, 2, 20), "work", "Arbete", [], [], null), Ct);
        var ended = await EnrolledAsync(new DateOnly(2026, 1, 5));
        await EndAsync(ended, new DateOnly(2026, 2, 1));
        await EnrolledAsync(new DateOnly(2026, 1, 1), InsatsB); // no deadline
        var anonymous = await StartAsync(AnonymousStart(startDate: new DateOnly(2026, 1, 20)));

        var overdue = await OverdueAsync();

        Assert.Equal([late.Id, anonymous.Id, later.Id], overdue.Select(o => o.Enrolment.Id));
        Assert.Equal(new DateOnly(2026, 2, 7), overdue[0].DueOn);
        Assert.Equal(23, overdue[0].DaysOverdue);
        Assert.Equal(2, overdue[2].DaysOverdue);
        Assert.Empty(await OverdueAsync(insatsId: InsatsB));
    }

    [Fact]
    public async Task Listing_is_for_the_insats_staff_and_logs_each_person_listed()
    {
        var late = await EnrolledAsync(new DateOnly(2026, 1, 10));

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => OverdueAsync(OtherInsatsStaff));
        Assert.Equal(ParticipantAccess.ReasonNotInOwnInsats, ex.Reason);

        await OverdueAsync();
        Assert.Contains(await Harness.Get<IAccessLog>().ListForParticipantAsync(late.ParticipantId!, Ct), e => e.Action == AccessActions.ReadEnrolment);
    }

    [Fact]
    public async Task Insats_id_is_required()
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => OverdueAsync(insatsId: ""));

        Assert.Equal("insats_id", Field(ex));
    }
}
