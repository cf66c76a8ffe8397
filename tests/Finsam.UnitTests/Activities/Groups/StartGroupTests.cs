using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using static Finsam.UnitTests.Activities.Groups.GroupTestBed;

namespace Finsam.UnitTests.Activities.Groups;

public sealed class StartGroupTests
{
    [Fact]
    public async Task A_group_with_its_minimum_booked_and_leaders_from_FK_and_AF_starts()
    {
        await using var bed = await StartAsync();
        var group = await bed.BookAsync(await bed.ScheduleLedMittValAsync(), 8);
        var events = (await bed.EventsAsync()).Count;

        var started = await bed.Harness.Get<StartGroupHandler>().HandleAsync(
            bed.Insatsansvarig, new StartGroupCommand(group.Id, Etags.Of(group.Version), false, ""), Ct);

        var stored = (await bed.Groups.GetAsync(group.Id, Ct))!;
        Assert.Equal((GroupStatus.Started, "ia-1", ActivitiesHarness.DefaultNow.UtcDateTime, null),
            (stored.Status, stored.StartedBy, stored.StartedAt, stored.StartOverrideReason));
        Assert.Equal(stored.Version, started.Version);
        var all = await bed.EventsAsync();
        Assert.Equal(events + 1, all.Count);
        Assert.Equal(new GroupStarted(group.Id, bed.InsatsId, 8, false, ActivitiesHarness.DefaultNow.UtcDateTime), all[^1]);
    }

    [Fact]
    public async Task Below_the_minimum_it_needs_the_override_and_a_reason()
    {
        await using var bed = await StartAsync();
        var group = await bed.BookAsync(await bed.ScheduleLedMittValAsync(), 6);
        var events = (await bed.EventsAsync()).Count;
        var handler = bed.Harness.Get<StartGroupHandler>();

        var noOverride = await Assert.ThrowsAsync<ValidationFailedException>(
            () => handler.HandleAsync(bed.Admin, new StartGroupCommand(group.Id, Etags.Of(group.Version), false, "Vi kör ändå"), Ct));
        Assert.Equal("override_min_participants", Assert.Single(noOverride.Violations).Field);
        Assert.Contains("6 bokade", noOverride.Violations[0].Description, StringComparison.Ordinal);
        var noReason = await Assert.ThrowsAsync<ValidationFailedException>(
            () => handler.HandleAsync(bed.Admin, new StartGroupCommand(group.Id, Etags.Of(group.Version), true, "  "), Ct));
        Assert.Equal("override_reason", Assert.Single(noReason.Violations).Field);
        await bed.AssertUnchangedAsync(group, group.Version, events);

        await handler.HandleAsync(
            bed.Admin, new StartGroupCommand(group.Id, Etags.Of(group.Version), true, "Två till börjar vecka 2"), Ct);

        var stored = (await bed.Groups.GetAsync(group.Id, Ct))!;
        Assert.Equal((GroupStatus.Started, "Två till börjar vecka 2"), (stored.Status, stored.StartOverrideReason));
        var started = Assert.IsType<GroupStarted>((await bed.EventsAsync())[^1]);
        Assert.Equal((6, true), (started.Booked, started.BelowMinimum));
    }

    [Fact]
    public async Task A_group_without_leaders_or_without_a_leader_from_each_required_agency_does_not_start()
    {
        await using var bed = await StartAsync();
        var group = await bed.BookAsync(await bed.ScheduleMittValAsync(), 8);
        var handler = bed.Harness.Get<StartGroupHandler>();
        var events = (await bed.EventsAsync()).Count;

        var noLeaders = await Assert.ThrowsAsync<PreconditionFailedException>(
            () => handler.HandleAsync(bed.Admin, new StartGroupCommand(group.Id, Etags.Of(group.Version), false, ""), Ct));
        Assert.Equal(GroupRefusals.ReasonNoLeaders, noLeaders.Reason);
        await bed.AssertUnchangedAsync(group, group.Version, events);

        group = await bed.Harness.Get<AssignLeadersHandler>().HandleAsync(
            bed.Admin, new AssignLeadersCommand(group.Id, Etags.Of(group.Version), ["gl-fk", "gl-ot"]), Ct);
        var noAf = await Assert.ThrowsAsync<PreconditionFailedException>(
            () => handler.HandleAsync(bed.Admin, new StartGroupCommand(group.Id, Etags.Of(group.Version), false, ""), Ct));
        Assert.Equal(GroupRefusals.ReasonLeaderAgenciesMissing, noAf.Reason);
        Assert.EndsWith("ledare saknas från af.", noAf.Message, StringComparison.Ordinal);
        await bed.AssertUnchangedAsync(group, group.Version, events);
    }

    [Fact]
    public async Task Only_a_scheduled_group_starts_once()
    {
        await using var bed = await StartAsync();
        var group = await bed.BookAsync(await bed.ScheduleLedMittValAsync(), 8);
        var handler = bed.Harness.Get<StartGroupHandler>();
        var started = await handler.HandleAsync(bed.Admin, new StartGroupCommand(group.Id, Etags.Of(group.Version), false, ""), Ct);

        var again = await Assert.ThrowsAsync<PreconditionFailedException>(
            () => handler.HandleAsync(bed.Admin, new StartGroupCommand(group.Id, Etags.Of(started.Version), false, ""), Ct));
        Assert.Equal(GroupRefusals.ReasonGroupNotScheduled, again.Reason);

        var cancelled = await bed.Harness.Get<CancelGroupHandler>().HandleAsync(
            bed.Admin, new CancelGroupCommand(group.Id, Etags.Of(started.Version), "Ledaren sjuk"), Ct);
        var ended = await Assert.ThrowsAsync<PreconditionFailedException>(
            () => handler.HandleAsync(bed.Admin, new StartGroupCommand(group.Id, Etags.Of(cancelled.Version), false, ""), Ct));
        Assert.Equal(GroupRefusals.ReasonGroupEnded, ended.Reason);
    }

    [Fact]
    public async Task Starting_is_for_group_managers_with_the_current_etag()
    {
        await using var bed = await StartAsync();
        var group = await bed.BookAsync(await bed.ScheduleLedMittValAsync(), 8);
        var handler = bed.Harness.Get<StartGroupHandler>();

        Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, (await Assert.ThrowsAsync<PermissionDeniedException>(
            () => handler.HandleAsync(bed.LeaderFk, new StartGroupCommand(group.Id, Etags.Of(group.Version), false, ""), Ct))).Reason);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => handler.HandleAsync(bed.Admin, new StartGroupCommand(group.Id, Etags.Of(group.Version - 1), false, ""), Ct));
        Assert.Equal(GroupStatus.Scheduled, (await bed.Groups.GetAsync(group.Id, Ct))!.Status);
    }
}
