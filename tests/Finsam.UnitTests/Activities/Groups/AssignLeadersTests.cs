using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Groups;
using Finsam.Platform.Errors;
using static Finsam.UnitTests.Activities.Groups.GroupTestBed;

namespace Finsam.UnitTests.Activities.Groups;

public sealed class AssignLeadersTests
{
    [Fact]
    public async Task Registered_leaders_replace_the_groups_leaders()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();
        Assert.Equal(["gl-fk", "gl-af"], group.LeaderSubjects);

        var changed = await bed.Harness.Get<AssignLeadersHandler>().HandleAsync(
            bed.Insatsansvarig, new AssignLeadersCommand(group.Id, Etags.Of(group.Version), [" gl-af "]), Ct);

        var stored = (await bed.Groups.GetAsync(group.Id, Ct))!;
        Assert.Equal(["gl-af"], stored.LeaderSubjects);
        Assert.Equal(group.Version + 1, stored.Version);
        Assert.Equal(stored.Version, changed.Version);
    }

    [Fact]
    public async Task Unregistered_duplicate_and_missing_leaders_are_named_by_position_and_nothing_is_written()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleMittValAsync();
        var events = (await bed.EventsAsync()).Count;
        var handler = bed.Harness.Get<AssignLeadersHandler>();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => handler.HandleAsync(
            bed.Admin, new AssignLeadersCommand(group.Id, Etags.Of(group.Version), ["gl-fk", "okand", "gl-fk", ""]), Ct));
        Assert.Equal(["leader_subjects[1]", "leader_subjects[2]", "leader_subjects[3]"], refused.Violations.Select(v => v.Field));
        Assert.Contains("okand", refused.Violations[0].Description, StringComparison.Ordinal);

        foreach (var count in new[] { 0, 5 })
        {
            var wrongCount = await Assert.ThrowsAsync<ValidationFailedException>(() => handler.HandleAsync(
                bed.Admin, new AssignLeadersCommand(group.Id, Etags.Of(group.Version), Enumerable.Repeat("gl-fk", count).ToList()), Ct));
            Assert.Equal("leader_subjects", Assert.Single(wrongCount.Violations).Field);
        }

        var noEtag = await Assert.ThrowsAsync<ValidationFailedException>(
            () => handler.HandleAsync(bed.Admin, new AssignLeadersCommand(group.Id, "", ["gl-fk"]), Ct));
        Assert.Equal("etag", Assert.Single(noEtag.Violations).Field);
        await bed.AssertUnchangedAsync(group, group.Version, events);
    }

    [Fact]
    public async Task A_leader_without_the_formats_qualification_is_refused_by_name()
    {
        await using var bed = await StartAsync();
        var redo = await bed.Harness.Get<ScheduleGroupHandler>().HandleAsync(
            bed.Admin, bed.MittValCommand() with { FormatId = bed.RedoFormatId, StartDate = new DateOnly(2026, 8, 17) }, Ct);
        Assert.Equal(Qualification, redo.RequiredLeaderQualification);
        var handler = bed.Harness.Get<AssignLeadersHandler>();

        var refused = await Assert.ThrowsAsync<PreconditionFailedException>(() => handler.HandleAsync(
            bed.Admin, new AssignLeadersCommand(redo.Id, Etags.Of(redo.Version), ["gl-ot", "gl-at"]), Ct));

        Assert.Equal(GroupRefusals.ReasonLeaderNotQualified, refused.Reason);
        Assert.Contains("Ali Tahir (gl-at)", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("gl-ot", refused.Message, StringComparison.Ordinal);
        await bed.AssertUnchangedAsync(redo, redo.Version, 1);

        var led = await handler.HandleAsync(bed.Admin, new AssignLeadersCommand(redo.Id, Etags.Of(redo.Version), ["gl-ot"]), Ct);
        Assert.Equal(["gl-ot"], led.LeaderSubjects);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();
        var handler = bed.Harness.Get<AssignLeadersHandler>();

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => handler.HandleAsync(
            bed.Admin, new AssignLeadersCommand(group.Id, Etags.Of(group.Version - 1), ["gl-af"]), Ct));

        Assert.Equal(GroupUpdates.ReasonConflict, stale.Reason);
        Assert.Equal(["gl-fk", "gl-af"], (await bed.Groups.GetAsync(group.Id, Ct))!.LeaderSubjects);
    }

    [Fact]
    public async Task Leaders_are_assigned_by_group_managers_only_and_not_to_an_ended_group()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();
        var handler = bed.Harness.Get<AssignLeadersHandler>();
        var command = new AssignLeadersCommand(group.Id, Etags.Of(group.Version), ["gl-af"]);

        Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed,
            (await Assert.ThrowsAsync<PermissionDeniedException>(() => handler.HandleAsync(bed.LeaderFk, command, Ct))).Reason);
        Assert.Equal(ActivitiesAccess.ReasonNotOwnInsats,
            (await Assert.ThrowsAsync<PermissionDeniedException>(() => handler.HandleAsync(bed.OtherInsatsansvarig, command, Ct))).Reason);

        var cancelled = await bed.Harness.Get<CancelGroupHandler>().HandleAsync(
            bed.Admin, new CancelGroupCommand(group.Id, Etags.Of(group.Version), "Inga anmälda"), Ct);
        var ended = await Assert.ThrowsAsync<PreconditionFailedException>(() => handler.HandleAsync(
            bed.Admin, command with { Etag = Etags.Of(cancelled.Version) }, Ct));
        Assert.Equal(GroupRefusals.ReasonGroupEnded, ended.Reason);
        Assert.Equal(cancelled.Version, (await bed.Groups.GetAsync(group.Id, Ct))!.Version);
    }

    [Fact]
    public async Task An_unknown_group_is_not_found()
    {
        await using var bed = await StartAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => bed.Harness.Get<AssignLeadersHandler>().HandleAsync(
            bed.Admin, new AssignLeadersCommand(Guid.NewGuid().ToString(), "1", ["gl-fk"]), Ct));
    }
}
