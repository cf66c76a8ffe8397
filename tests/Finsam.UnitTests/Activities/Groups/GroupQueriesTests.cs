using System.Globalization;
using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Groups;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using static Finsam.UnitTests.Activities.Groups.GroupTestBed;

namespace Finsam.UnitTests.Activities.Groups;

public sealed class GroupQueriesTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_group_is_read_by_its_leaders_and_the_insats_staff_only()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleLedMittValAsync();
        var queries = bed.Harness.Get<GroupQueries>();

        foreach (var reader in new[] { bed.Admin, bed.Insatsansvarig, bed.Samordnare, bed.LeaderFk })
        {
            Assert.Equal(group.Id, (await queries.GetAsync(reader, group.Id, Ct)).Id);
        }

        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.GetAsync(bed.OtherInsatsansvarig, group.Id, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.GetAsync(bed.LeaderOt, group.Id, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(
            () => queries.GetAsync(ActivitiesHarness.As(Roles.Analytiker, "an-1", null, bed.InsatsId), group.Id, Ct));
        Assert.Equal(GroupUpdates.ReasonNotFound,
            (await Assert.ThrowsAsync<NotFoundException>(() => queries.GetAsync(bed.Admin, Guid.NewGuid().ToString(), Ct))).Reason);
        Assert.Equal("group_id", Assert.Single(
            (await Assert.ThrowsAsync<ValidationFailedException>(() => queries.GetAsync(bed.Admin, "x", Ct))).Violations).Field);
    }

    [Fact]
    public async Task An_insats_groups_come_in_start_date_order_page_by_page()
    {
        await using var bed = await StartAsync();
        var june = await bed.ScheduleMittValAsync(D("2026-06-02"), "juni");
        var april = await bed.ScheduleMittValAsync(D("2026-04-14"), "april");
        var may = await bed.ScheduleMittValAsync(D("2026-05-12"), "maj");
        var aprilToo = await bed.ScheduleMittValAsync(D("2026-04-14"), "april, grupp 2");
        var queries = bed.Harness.Get<GroupQueries>();

        var (first, token) = await queries.ListByInsatsAsync(bed.Samordnare, bed.InsatsId, 3, null, Ct);
        var (second, end) = await queries.ListByInsatsAsync(bed.Samordnare, bed.InsatsId, 3, token, Ct);

        // Two groups start the same day: then scheduling (id) order.
        Assert.Equal([.. new[] { april.Id, aprilToo.Id }.Order(StringComparer.Ordinal), may.Id], first.Select(g => g.Id));
        Assert.Equal([june.Id], second.Select(g => g.Id));
        Assert.NotNull(token);
        Assert.Null(end);
        Assert.Empty((await queries.ListByInsatsAsync(bed.Admin, bed.OtherInsatsId, 0, null, Ct)).Page);
    }

    [Fact]
    public async Task An_insats_groups_are_listed_only_for_its_staff_and_bad_paging_is_named()
    {
        await using var bed = await StartAsync();
        var queries = bed.Harness.Get<GroupQueries>();

        Assert.Equal(ActivitiesAccess.ReasonNotOwnInsats, (await Assert.ThrowsAsync<PermissionDeniedException>(
            () => queries.ListByInsatsAsync(bed.OtherInsatsansvarig, bed.InsatsId, 0, null, Ct))).Reason);
        Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, (await Assert.ThrowsAsync<PermissionDeniedException>(
            () => queries.ListByInsatsAsync(bed.LeaderFk, bed.InsatsId, 0, null, Ct))).Reason);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(
            () => queries.ListByInsatsAsync(bed.Admin, "", 101, "20260512_not-a-guid", Ct));
        Assert.Equal(["insats_id", "page_size", "page_token"], refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task My_groups_are_those_I_lead_with_ended_ones_on_request()
    {
        await using var bed = await StartAsync();
        var led = await bed.ScheduleLedMittValAsync();
        var cancelled = await bed.ScheduleLedMittValAsync();
        await bed.ScheduleMittValAsync();
        await bed.Harness.Get<CancelGroupHandler>().HandleAsync(
            bed.Admin, new CancelGroupCommand(cancelled.Id, Etags.Of(cancelled.Version), "För få anmälda"), Ct);
        var queries = bed.Harness.Get<GroupQueries>();

        Assert.Equal([led.Id], (await queries.ListMineAsync(bed.LeaderFk, includeEnded: false, Ct)).Select(g => g.Id));
        Assert.Equal(
            new[] { led.Id, cancelled.Id }.Order(StringComparer.Ordinal),
            (await queries.ListMineAsync(bed.LeaderAf, includeEnded: true, Ct)).Select(g => g.Id));
        Assert.Empty(await queries.ListMineAsync(bed.LeaderOt, includeEnded: true, Ct));
        // The same subject signed in with another role leads nothing.
        Assert.Empty(await queries.ListMineAsync(ActivitiesHarness.As(Roles.Samordnare, "gl-fk", null, bed.InsatsId), includeEnded: true, Ct));
    }

    [Fact]
    public async Task My_next_traffar_are_planned_ones_from_today_soonest_first_over_my_groups()
    {
        await using var bed = await StartAsync();
        var may = await bed.ScheduleLedMittValAsync();
        var june = await bed.ScheduleMittValAsync(D("2026-05-13"), "onsdagsgruppen");
        june = await bed.Harness.Get<AssignLeadersHandler>().HandleAsync(
            bed.Admin, new AssignLeadersCommand(june.Id, Etags.Of(june.Version), ["gl-fk"]), Ct);
        // The group's first träff was cancelled, its second held: neither is "next".
        may = await bed.Harness.Get<TraffChangeHandlers>().CancelAsync(
            bed.LeaderFk, new CancelTraffCommand(may.Id, may.Traffar[0].Id, Etags.Of(may.Version), "Lokalen upptagen"), Ct);
        await bed.HoldAsync(may, 2);
        // Today is Wednesday 20 May 2026 (Stockholm).
        bed.Harness.Clock.Now = new DateTimeOffset(2026, 5, 20, 6, 0, 0, TimeSpan.Zero);
        var queries = bed.Harness.Get<GroupQueries>();

        var next = await queries.NextTraffarAsync(bed.LeaderFk, 4, Ct);

        // "onsdagsgruppen" meets Tuesdays and Thursdays from 19 May (14 May is Kristi himmelsfärdsdag); the other
        // group's next is 21 May. Same day and time: the group scheduled first comes first.
        var expected = new[] { (may.Id, D("2026-05-21")), (june.Id, D("2026-05-21")), (may.Id, D("2026-05-26")), (june.Id, D("2026-05-26")) }
            .OrderBy(x => x.Item2).ThenBy(x => x.Item1, StringComparer.Ordinal);
        Assert.Equal(expected, next.Select(u => (u.Group.Id, u.Traff.Date)));
        Assert.Equal(10, (await queries.NextTraffarAsync(bed.LeaderFk, 0, Ct)).Count);
        Assert.Equal(6 + 7, (await queries.NextTraffarAsync(bed.LeaderFk, 100, Ct)).Count);
        Assert.Equal(6, (await queries.NextTraffarAsync(bed.LeaderAf, 100, Ct)).Count);
        Assert.Equal("limit", Assert.Single(
            (await Assert.ThrowsAsync<ValidationFailedException>(() => queries.NextTraffarAsync(bed.LeaderFk, 101, Ct))).Violations).Field);
    }
}
