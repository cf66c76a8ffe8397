using System.Globalization;
using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using static Finsam.UnitTests.Activities.Groups.GroupTestBed;

namespace Finsam.UnitTests.Activities.Groups;

public sealed class TraffChangeTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static DateTime Now => ActivitiesHarness.DefaultNow.UtcDateTime;

    [Fact]
    public async Task A_leader_adds_a_traff_that_is_numbered_in_date_order_with_the_addition_kept()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();
        var before = (await bed.EventsAsync()).Count;

        var changed = await bed.Harness.Get<TraffChangeHandlers>().AddAsync(
            bed.LeaderAf, new AddTraffCommand(group.Id, Etags.Of(group.Version), D("2026-05-22"), "09:30", 90, "Studiebesök", "Extra träff på önskemål"), Ct);

        var stored = (await bed.Groups.GetAsync(group.Id, Ct))!;
        Assert.Equal(stored.Version, changed.Version);
        Assert.Equal(9, stored.Traffar.Count);
        var added = stored.Traffar.Single(t => t.Date == D("2026-05-22"));
        Assert.Equal((4, new TimeOnly(9, 30), 90, "Studiebesök", "", TraffStatus.Planned),
            (added.Number, added.StartTime, added.LengthMinutes, added.Theme, added.Phase, added.Status));
        Assert.Equal(new TraffChange(TraffChange.Added, null, null, "gl-af", Now, "Extra träff på önskemål"), Assert.Single(added.Changes));
        Assert.Equal(Enumerable.Range(1, 9), stored.Traffar.Select(t => t.Number));
        Assert.Equal(D("2026-05-26"), stored.Traffar[4].Date);

        var addedEvent = Assert.IsType<TraffAdded>(Assert.Single((await bed.EventsAsync()).Skip(before)));
        Assert.Equal(new ScheduledTraff(added.Id, 4, D("2026-05-22"), "09:30", 90), addedEvent.Traff);
    }

    [Theory]
    [InlineData("2026-05-23", "lördag")]      // Saturday
    [InlineData("2026-05-14", "Kristi")]      // Kristi himmelsfärdsdag
    [InlineData("2026-06-19", "Midsommar")]   // midsommarafton
    [InlineData("2026-05-20", "stängd")]      // the group's closed date
    public async Task A_traff_is_not_added_or_moved_to_a_weekend_holiday_or_closed_date(string day, string explained)
    {
        await using var bed = await StartAsync();
        var group = await bed.Harness.Get<ScheduleGroupHandler>().HandleAsync(
            bed.Admin, bed.MittValCommand() with { ClosedDates = [D("2026-05-20")] }, Ct);
        var handlers = bed.Harness.Get<TraffChangeHandlers>();
        var etag = Etags.Of(group.Version);

        var add = await Assert.ThrowsAsync<ValidationFailedException>(
            () => handlers.AddAsync(bed.Admin, new AddTraffCommand(group.Id, etag, D(day), "13:00", 120, "", "Extra"), Ct));
        var move = await Assert.ThrowsAsync<ValidationFailedException>(
            () => handlers.MoveAsync(bed.Admin, new MoveTraffCommand(group.Id, group.Traffar[0].Id, etag, D(day), "", "Flytt"), Ct));

        foreach (var refused in new[] { add, move })
        {
            var violation = Assert.Single(refused.Violations);
            Assert.Equal("date", violation.Field);
            Assert.Contains(explained, violation.Description, StringComparison.Ordinal);
        }

        await bed.AssertUnchangedAsync(group, group.Version, 1);
    }

    [Fact]
    public async Task Bad_fields_of_an_added_traff_are_all_named()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => bed.Harness.Get<TraffChangeHandlers>().AddAsync(
            bed.LeaderFk, new AddTraffCommand(group.Id, "x", null, "25:00", 0, new string('t', 201), ""), Ct));

        Assert.Equal(["etag", "date", "start_time", "length_minutes", "theme", "reason"], refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_moved_traff_keeps_its_earlier_day_and_time_and_is_renumbered()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();
        var first = group.Traffar[0];
        var before = (await bed.EventsAsync()).Count;

        await bed.Harness.Get<TraffChangeHandlers>().MoveAsync(
            bed.LeaderFk, new MoveTraffCommand(group.Id, first.Id, Etags.Of(group.Version), D("2026-05-20"), "10:00", "Lokalen är bokad"), Ct);

        var stored = (await bed.Groups.GetAsync(group.Id, Ct))!;
        var moved = stored.FindTraff(first.Id)!;
        Assert.Equal((D("2026-05-20"), new TimeOnly(10, 0), 2), (moved.Date, moved.StartTime, moved.Number));
        Assert.Equal(new TraffChange(TraffChange.Moved, D("2026-05-12"), new TimeOnly(13, 0), "gl-fk", Now, "Lokalen är bokad"), Assert.Single(moved.Changes));
        Assert.Equal(D("2026-05-19"), stored.Traffar[0].Date);
        Assert.Equal(1, stored.Traffar[0].Number);
        Assert.Equal(
            new TraffMoved(group.Id, bed.InsatsId, first.Id, D("2026-05-20"), "10:00", Now),
            Assert.Single((await bed.EventsAsync()).Skip(before)));

        // An empty start time keeps the time.
        stored = await bed.Harness.Get<TraffChangeHandlers>().MoveAsync(
            bed.Admin, new MoveTraffCommand(group.Id, first.Id, Etags.Of(stored.Version), D("2026-05-22"), "", "Tillbaka till fredag"), Ct);
        Assert.Equal((D("2026-05-22"), new TimeOnly(10, 0)), (stored.FindTraff(first.Id)!.Date, stored.FindTraff(first.Id)!.StartTime));
        Assert.Equal(2, stored.FindTraff(first.Id)!.Changes.Count);
    }

    [Theory]
    [InlineData("23:00", 120, "length_minutes")] // would end after midnight
    [InlineData("13:00", 10, "length_minutes")] // shorter than any format's träff may be
    [InlineData("13:00", 601, "length_minutes")]
    public async Task An_added_traff_has_a_formats_length_and_ends_the_day_it_starts(string start, int minutes, string field)
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => bed.Harness.Get<TraffChangeHandlers>().AddAsync(
            bed.LeaderFk, new AddTraffCommand(group.Id, Etags.Of(group.Version), D("2026-06-10"), start, minutes, "", "Extra"), Ct));

        Assert.Equal(field, Assert.Single(refused.Violations).Field);
        await bed.AssertUnchangedAsync(group, group.Version, 1);
    }

    [Fact]
    public async Task A_traff_moved_so_late_that_it_would_end_after_midnight_is_refused()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => bed.Harness.Get<TraffChangeHandlers>().MoveAsync(
            bed.LeaderFk, new MoveTraffCommand(group.Id, group.Traffar[0].Id, Etags.Of(group.Version), D("2026-05-13"), "23:00", "Kvällsträff"), Ct));

        Assert.Equal("start_time", Assert.Single(refused.Violations).Field);
        await bed.AssertUnchangedAsync(group, group.Version, 1);
    }

    [Fact]
    public async Task A_move_to_where_the_traff_already_is_or_to_a_traff_not_in_the_group_is_named()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();
        var handlers = bed.Harness.Get<TraffChangeHandlers>();

        var same = await Assert.ThrowsAsync<ValidationFailedException>(() => handlers.MoveAsync(
            bed.LeaderFk, new MoveTraffCommand(group.Id, group.Traffar[0].Id, Etags.Of(group.Version), D("2026-05-12"), "13:00", "Ingen ändring"), Ct));
        Assert.Equal("date", Assert.Single(same.Violations).Field);
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => handlers.CancelAsync(
            bed.LeaderFk, new CancelTraffCommand(group.Id, Guid.NewGuid().ToString(), Etags.Of(group.Version), "Sjuk"), Ct));
        Assert.Equal("traff_id", Assert.Single(unknown.Violations).Field);
        var badTime = await Assert.ThrowsAsync<ValidationFailedException>(() => handlers.MoveAsync(
            bed.LeaderFk, new MoveTraffCommand(group.Id, group.Traffar[0].Id, Etags.Of(group.Version), D("2026-05-13"), "1300", "Flytt"), Ct));
        Assert.Equal("start_time", Assert.Single(badTime.Violations).Field);
        await bed.AssertUnchangedAsync(group, group.Version, 1);
    }

    [Fact]
    public async Task A_cancelled_traff_stays_in_the_list_with_the_change_kept()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();
        var third = group.Traffar[2];
        var before = (await bed.EventsAsync()).Count;

        var changed = await bed.Harness.Get<TraffChangeHandlers>().CancelAsync(
            bed.LeaderFk, new CancelTraffCommand(group.Id, third.Id, Etags.Of(group.Version), "Ledaren sjuk"), Ct);

        var cancelled = changed.FindTraff(third.Id)!;
        Assert.Equal((TraffStatus.Cancelled, 3, 8), (cancelled.Status, cancelled.Number, changed.Traffar.Count));
        Assert.Equal(new TraffChange(TraffChange.Cancelled, third.Date, third.StartTime, "gl-fk", Now, "Ledaren sjuk"), Assert.Single(cancelled.Changes));
        Assert.Equal(TraffStatus.Cancelled, (await bed.Groups.GetAsync(group.Id, Ct))!.FindTraff(third.Id)!.Status);
        Assert.Equal(
            new TraffCancelled(group.Id, bed.InsatsId, third.Id, third.Date, Now),
            Assert.Single((await bed.EventsAsync()).Skip(before)));
    }

    [Fact]
    public async Task A_held_or_cancelled_traff_is_neither_moved_nor_cancelled()
    {
        await using var bed = await StartAsync();
        var group = await bed.HoldAsync(await bed.ScheduleLedMittValAsync(), 1);
        var handlers = bed.Harness.Get<TraffChangeHandlers>();
        group = await handlers.CancelAsync(bed.LeaderFk, new CancelTraffCommand(group.Id, group.Traffar[1].Id, Etags.Of(group.Version), "Sjuk"), Ct);
        var events = (await bed.EventsAsync()).Count;
        var etag = Etags.Of(group.Version);

        var refusals = new[]
        {
            await Assert.ThrowsAsync<PreconditionFailedException>(() => handlers.MoveAsync(
                bed.LeaderFk, new MoveTraffCommand(group.Id, group.Traffar[0].Id, etag, D("2026-05-13"), "", "Flytt"), Ct)),
            await Assert.ThrowsAsync<PreconditionFailedException>(() => handlers.CancelAsync(
                bed.LeaderFk, new CancelTraffCommand(group.Id, group.Traffar[0].Id, etag, "Fel"), Ct)),
            await Assert.ThrowsAsync<PreconditionFailedException>(() => handlers.MoveAsync(
                bed.LeaderFk, new MoveTraffCommand(group.Id, group.Traffar[1].Id, etag, D("2026-05-20"), "", "Ny tid"), Ct)),
            await Assert.ThrowsAsync<PreconditionFailedException>(() => handlers.CancelAsync(
                bed.LeaderFk, new CancelTraffCommand(group.Id, group.Traffar[1].Id, etag, "Igen"), Ct)),
        };

        Assert.Equal(
            [GroupRefusals.ReasonTraffHeld, GroupRefusals.ReasonTraffHeld, GroupRefusals.ReasonTraffCancelled, GroupRefusals.ReasonTraffCancelled],
            refusals.Select(r => r.Reason));
        await bed.AssertUnchangedAsync(group, group.Version, events);
    }

    [Fact]
    public async Task Traffar_are_changed_by_the_groups_leaders_and_its_managers_only()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();
        var handlers = bed.Harness.Get<TraffChangeHandlers>();
        Task Cancel(Caller caller) => handlers.CancelAsync(caller, new CancelTraffCommand(group.Id, group.Traffar[7].Id, Etags.Of(group.Version), "Sjuk"), Ct);

        var denied = new[]
        {
            await Assert.ThrowsAsync<PermissionDeniedException>(() => Cancel(bed.LeaderOt)),
            await Assert.ThrowsAsync<PermissionDeniedException>(() => Cancel(bed.OtherInsatsansvarig)),
            await Assert.ThrowsAsync<PermissionDeniedException>(() => Cancel(bed.Samordnare)),
        };
        Assert.Equal(
            [ActivitiesAccess.ReasonNotGroupLeader, ActivitiesAccess.ReasonNotOwnInsats, ActivitiesAccess.ReasonRoleNotAllowed],
            denied.Select(d => d.Reason));
        await bed.AssertUnchangedAsync(group, group.Version, 1);

        await Cancel(bed.Insatsansvarig);
        Assert.Equal(TraffStatus.Cancelled, (await bed.Groups.GetAsync(group.Id, Ct))!.Traffar[7].Status);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_an_ended_group_is_refused()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();
        var handlers = bed.Harness.Get<TraffChangeHandlers>();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => handlers.AddAsync(
            bed.LeaderFk, new AddTraffCommand(group.Id, Etags.Of(group.Version - 1), D("2026-06-10"), "13:00", 120, "", "Extra"), Ct));

        var cancelled = await bed.Harness.Get<CancelGroupHandler>().HandleAsync(
            bed.Admin, new CancelGroupCommand(group.Id, Etags.Of(group.Version), "Inställd"), Ct);
        var ended = await Assert.ThrowsAsync<PreconditionFailedException>(() => handlers.AddAsync(
            bed.LeaderFk, new AddTraffCommand(group.Id, Etags.Of(cancelled.Version), D("2026-06-10"), "13:00", 120, "", "Extra"), Ct));
        Assert.Equal(GroupRefusals.ReasonGroupEnded, ended.Reason);
        Assert.Equal(8, (await bed.Groups.GetAsync(group.Id, Ct))!.Traffar.Count);
    }
}
