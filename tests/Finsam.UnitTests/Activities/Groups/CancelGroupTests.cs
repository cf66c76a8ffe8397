using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using static Finsam.UnitTests.Activities.Groups.GroupTestBed;

namespace Finsam.UnitTests.Activities.Groups;

public sealed class CancelGroupTests
{
    [Fact]
    public async Task Cancelling_cancels_the_planned_traffar_with_a_kept_change_and_leaves_held_ones()
    {
        await using var bed = await StartAsync();
        var group = await bed.HoldAsync(await bed.ScheduleLedMittValAsync(), 1);
        var before = (await bed.EventsAsync()).Count;
        bed.Harness.Clock.Now = new DateTimeOffset(2026, 5, 13, 8, 0, 0, TimeSpan.Zero);
        var now = bed.Harness.Clock.Now.UtcDateTime;

        var cancelled = await bed.Harness.Get<CancelGroupHandler>().HandleAsync(
            bed.Insatsansvarig, new CancelGroupCommand(group.Id, Etags.Of(group.Version), "För få deltagare kvar"), Ct);

        var stored = (await bed.Groups.GetAsync(group.Id, Ct))!;
        Assert.Equal(stored.Version, cancelled.Version);
        Assert.Equal(GroupStatus.Cancelled, stored.Status);
        Assert.Equal(new GroupCancellation("ia-1", now, "För få deltagare kvar"), stored.Cancellation);
        Assert.Equal(TraffStatus.Held, stored.Traffar[0].Status);
        Assert.Empty(stored.Traffar[0].Changes);
        Assert.All(stored.Traffar.Skip(1), t =>
        {
            Assert.Equal(TraffStatus.Cancelled, t.Status);
            Assert.Equal(new TraffChange(TraffChange.Cancelled, t.Date, t.StartTime, "ia-1", now, "För få deltagare kvar"), Assert.Single(t.Changes));
        });

        var events = (await bed.EventsAsync()).Skip(before).ToList();
        Assert.Equal(new GroupCancelled(group.Id, bed.InsatsId, now), events[0]);
        Assert.Equal(
            stored.Traffar.Skip(1).Select(t => new TraffCancelled(group.Id, bed.InsatsId, t.Id, t.Date, now)),
            events.Skip(1).Cast<TraffCancelled>());
    }

    [Fact]
    public async Task A_reason_is_required_an_ended_group_is_refused_and_refusals_write_nothing()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();
        var handler = bed.Harness.Get<CancelGroupHandler>();
        var events = (await bed.EventsAsync()).Count;

        var noReason = await Assert.ThrowsAsync<ValidationFailedException>(
            () => handler.HandleAsync(bed.Admin, new CancelGroupCommand(group.Id, Etags.Of(group.Version), " "), Ct));
        Assert.Equal("reason", Assert.Single(noReason.Violations).Field);
        var badText = await Assert.ThrowsAsync<ValidationFailedException>(
            () => handler.HandleAsync(bed.Admin, new CancelGroupCommand(group.Id, Etags.Of(group.Version), "rad ett\u0007"), Ct));
        Assert.Equal("reason", Assert.Single(badText.Violations).Field);
        Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, (await Assert.ThrowsAsync<PermissionDeniedException>(
            () => handler.HandleAsync(bed.LeaderFk, new CancelGroupCommand(group.Id, Etags.Of(group.Version), "Sjuk"), Ct))).Reason);
        await bed.AssertUnchangedAsync(group, group.Version, events);

        var cancelled = await handler.HandleAsync(bed.Admin, new CancelGroupCommand(group.Id, Etags.Of(group.Version), "Sjuk"), Ct);
        var again = await Assert.ThrowsAsync<PreconditionFailedException>(
            () => handler.HandleAsync(bed.Admin, new CancelGroupCommand(group.Id, Etags.Of(cancelled.Version), "Igen"), Ct));
        Assert.Equal(GroupRefusals.ReasonGroupEnded, again.Reason);
        await bed.AssertUnchangedAsync(group, cancelled.Version, events + 1 + 8);
    }
}
