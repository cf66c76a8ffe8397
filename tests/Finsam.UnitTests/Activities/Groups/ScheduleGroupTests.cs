using System.Globalization;
using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using static Finsam.UnitTests.Activities.Groups.GroupTestBed;

namespace Finsam.UnitTests.Activities.Groups;

public sealed class ScheduleGroupTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Mitt_Val_is_scheduled_over_Kristi_himmelsfard_with_the_formats_rules_and_one_event()
    {
        await using var bed = await StartAsync();

        var group = await bed.Harness.Get<ScheduleGroupHandler>().HandleAsync(bed.Insatsansvarig, bed.MittValCommand(), Ct);

        var stored = (await bed.Groups.GetAsync(group.Id, Ct))!;
        Assert.Equal(1, stored.Version);
        Assert.Equal(
            [D("2026-05-12"), D("2026-05-19"), D("2026-05-21"), D("2026-05-26"), D("2026-05-28"), D("2026-06-02"), D("2026-06-04"), D("2026-06-09")],
            stored.Traffar.Select(t => t.Date));
        Assert.Equal(MittValThemes, stored.Traffar.Select(t => t.Theme));
        Assert.All(stored.Traffar, t => Assert.Equal((new TimeOnly(13, 0), 120, TraffStatus.Planned), (t.StartTime, t.LengthMinutes, t.Status)));
        Assert.Equal(8, stored.Traffar.Select(t => t.Id).Distinct().Count());
        Assert.Equal(
            (GroupStatus.Scheduled, "Mitt Val", 8, 10, 2, 75, "ia-1", "Arbetsförmedlingen, rum 3"),
            (stored.Status, stored.FormatName, stored.MinParticipants, stored.MaxParticipants, stored.LateJoinUntilTraff,
                stored.CompletionMinAttendancePercent, stored.ScheduledBy, stored.Location));
        Assert.Equal(["fk", "af"], stored.RequiredLeaderAgencies);
        Assert.Equal(2, stored.EvaluationStatements.Count);
        Assert.Equal(ActivitiesHarness.DefaultNow.UtcDateTime, stored.ScheduledAt);
        // The late-join cut-off is the träff numbered 2 in the generated list, kept by id.
        Assert.Equal(stored.Traffar[1].Id, stored.LateJoinUntilTraffId);

        // 32 random bytes, base64url without padding: 43 URL-safe characters, different for every group.
        Assert.Matches("^[A-Za-z0-9_-]{43}$", stored.CalendarToken);
        var second = await bed.ScheduleMittValAsync(name: "Mitt Val vår 2026, grupp 2");
        Assert.NotEqual(stored.CalendarToken, second.CalendarToken);

        var scheduled = (await bed.EventsAsync()).OfType<GroupScheduled>().Single(e => e.GroupId == group.Id);
        Assert.Equal((group.Id, bed.InsatsId, bed.MittValFormatId, "Mitt Val", D("2026-05-12"), 10, 8, "physical"),
            (scheduled.GroupId, scheduled.InsatsId, scheduled.FormatId, scheduled.FormatName, scheduled.StartDate,
                scheduled.MaxParticipants, scheduled.MinParticipants, scheduled.Delivery));
        Assert.Equal(stored.Traffar.Select(t => (t.Id, t.Number, t.Date, "13:00", 120)),
            scheduled.Traffar.Select(t => (t.TraffId, t.Number, t.Date, t.StartTime, t.LengthMinutes)));
    }

    [Fact]
    public async Task The_same_request_id_twice_returns_the_first_group_and_stores_one()
    {
        await using var bed = await StartAsync();
        var handler = bed.Harness.Get<ScheduleGroupHandler>();
        var command = bed.MittValCommand(requestId: Guid.NewGuid().ToString());

        var first = await handler.HandleAsync(bed.Admin, command, Ct);
        var retry = await handler.HandleAsync(bed.Admin, command with { Name = "Annat namn" }, Ct);

        Assert.Equal(first.Id, retry.Id);
        Assert.Equal("Mitt Val vår 2026, grupp 1", retry.Name);
        Assert.Single(await bed.Groups.ListByInsatsAsync(bed.InsatsId, null, 10, Ct));
        Assert.Single(await bed.EventsAsync());
    }

    [Fact]
    public async Task Closed_dates_are_skipped_and_kept_on_the_group()
    {
        await using var bed = await StartAsync();

        var group = await bed.Harness.Get<ScheduleGroupHandler>().HandleAsync(
            bed.Admin, bed.MittValCommand() with { ClosedDates = [D("2026-05-19"), D("2026-05-19"), D("2026-06-04")] }, Ct);

        Assert.Equal([D("2026-05-19"), D("2026-06-04")], group.ClosedDates);
        Assert.Equal(
            [D("2026-05-12"), D("2026-05-21"), D("2026-05-26"), D("2026-05-28"), D("2026-06-02"), D("2026-06-09"), D("2026-06-11"), D("2026-06-16")],
            group.Traffar.Select(t => t.Date));
    }

    [Fact]
    public async Task Places_default_to_the_formats_max_and_may_be_fewer_but_never_more()
    {
        await using var bed = await StartAsync();
        var handler = bed.Harness.Get<ScheduleGroupHandler>();

        Assert.Equal(10, (await handler.HandleAsync(bed.Admin, bed.MittValCommand() with { MaxParticipants = 0 }, Ct)).MaxParticipants);
        Assert.Equal(9, (await handler.HandleAsync(bed.Admin, bed.MittValCommand() with { MaxParticipants = 9 }, Ct)).MaxParticipants);
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(
            () => handler.HandleAsync(bed.Admin, bed.MittValCommand() with { MaxParticipants = 11 }, Ct));
        Assert.Equal("max_participants", Assert.Single(refused.Violations).Field);
    }

    [Fact]
    public async Task A_format_with_an_interpreter_needs_the_language_and_one_without_refuses_it()
    {
        await using var bed = await StartAsync();
        var handler = bed.Harness.Get<ScheduleGroupHandler>();
        var halsoskolan = bed.MittValCommand() with { FormatId = bed.HalsoskolanFormatId, StartDate = D("2026-04-01") };

        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => handler.HandleAsync(bed.Admin, halsoskolan, Ct));
        Assert.Equal("interpreter_language", Assert.Single(missing.Violations).Field);
        var unwanted = await Assert.ThrowsAsync<ValidationFailedException>(
            () => handler.HandleAsync(bed.Admin, bed.MittValCommand() with { InterpreterLanguage = "arabiska" }, Ct));
        Assert.Equal("interpreter_language", Assert.Single(unwanted.Violations).Field);

        var group = await handler.HandleAsync(bed.Admin, halsoskolan with { InterpreterLanguage = " arabiska " }, Ct);
        Assert.Equal(("arabiska", 12, 6), (group.InterpreterLanguage, group.MaxParticipants, group.Traffar.Count));
        // Six Wednesdays from 1 April 2026 (Easter's holidays fall on a Friday and a Monday).
        Assert.Equal(D("2026-05-06"), group.Traffar[^1].Date);
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once_and_nothing_is_written()
    {
        await using var bed = await StartAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => bed.Harness.Get<ScheduleGroupHandler>().HandleAsync(
            bed.Admin,
            new ScheduleGroupCommand(
                "not-a-uuid",
                bed.InsatsId,
                bed.MittValFormatId,
                "  ",
                D("2026-05-16"),
                [D("2026-05-19"), null],
                new string('x', GroupFields.MaxLocationLength + 1),
                "",
                -1),
            Ct));

        Assert.Equal(
            ["request_id", "name", "location", "start_date", "closed_dates[1]", "max_participants"],
            refused.Violations.Select(v => v.Field));
        Assert.Contains("vardag", refused.Violations.Single(v => v.Field == "start_date").Description, StringComparison.Ordinal);
        Assert.Empty(await bed.Groups.ListByInsatsAsync(bed.InsatsId, null, 10, Ct));
        Assert.Empty(await bed.EventsAsync());
    }

    [Theory]
    [InlineData("missing-insats")]
    [InlineData("structural")]
    [InlineData("")]
    public async Task The_insats_must_be_in_the_catalogue_and_enrol_participants(string which)
    {
        await using var bed = await StartAsync();
        var insatsId = which switch
        {
            "missing-insats" => Guid.NewGuid().ToString(),
            "structural" => bed.StructuralInsatsId,
            _ => "",
        };

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(
            () => bed.Harness.Get<ScheduleGroupHandler>().HandleAsync(bed.Admin, bed.MittValCommand() with { InsatsId = insatsId }, Ct));

        Assert.Equal("insats_id", Assert.Single(refused.Violations).Field);
        Assert.Empty(await bed.EventsAsync());
    }

    [Fact]
    public async Task An_individual_team_insats_may_run_groups()
    {
        await using var bed = await StartAsync();

        var group = await bed.Harness.Get<ScheduleGroupHandler>().HandleAsync(
            bed.Admin, bed.MittValCommand() with { InsatsId = bed.OtherInsatsId }, Ct);

        Assert.Equal(bed.OtherInsatsId, group.InsatsId);
    }

    [Fact]
    public async Task An_unknown_format_is_named()
    {
        await using var bed = await StartAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => bed.Harness.Get<ScheduleGroupHandler>().HandleAsync(
            bed.Admin, bed.MittValCommand() with { FormatId = Guid.NewGuid().ToString() }, Ct));

        Assert.Equal("format_id", Assert.Single(refused.Violations).Field);
    }

    [Theory]
    [InlineData("2024-02-28")] // more than two years back from 2 March 2026
    [InlineData("2028-03-06")] // more than two years ahead
    public async Task A_start_date_far_from_today_is_refused(string start)
    {
        await using var bed = await StartAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => bed.Harness.Get<ScheduleGroupHandler>().HandleAsync(
            bed.Admin, bed.MittValCommand() with { StartDate = D(start) }, Ct));

        Assert.Equal("start_date", Assert.Single(refused.Violations).Field);
    }

    [Fact]
    public async Task More_than_a_hundred_closed_dates_are_refused()
    {
        await using var bed = await StartAsync();
        var dates = Enumerable.Range(0, 101).Select(i => (DateOnly?)D("2026-06-01").AddDays(i)).ToList();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => bed.Harness.Get<ScheduleGroupHandler>().HandleAsync(
            bed.Admin, bed.MittValCommand() with { ClosedDates = dates }, Ct));

        Assert.Equal("closed_dates", Assert.Single(refused.Violations).Field);
    }

    [Fact]
    public async Task Only_the_administrator_and_the_insats_own_insatsansvarig_schedule_and_a_refusal_writes_nothing()
    {
        await using var bed = await StartAsync();
        var handler = bed.Harness.Get<ScheduleGroupHandler>();

        var samordnare = await Assert.ThrowsAsync<PermissionDeniedException>(() => handler.HandleAsync(bed.Samordnare, bed.MittValCommand(), Ct));
        var leader = await Assert.ThrowsAsync<PermissionDeniedException>(() => handler.HandleAsync(bed.LeaderFk, bed.MittValCommand(), Ct));
        var other = await Assert.ThrowsAsync<PermissionDeniedException>(() => handler.HandleAsync(bed.OtherInsatsansvarig, bed.MittValCommand(), Ct));
        // The rule comes before the content: an outsider learns nothing about what is wrong with the request.
        var outsiderWithBadInput = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => handler.HandleAsync(bed.Samordnare, bed.MittValCommand() with { Name = "" }, Ct));

        Assert.Equal(
            [ActivitiesAccess.ReasonRoleNotAllowed, ActivitiesAccess.ReasonRoleNotAllowed, ActivitiesAccess.ReasonNotOwnInsats, ActivitiesAccess.ReasonRoleNotAllowed],
            new[] { samordnare, leader, other, outsiderWithBadInput }.Select(e => e.Reason));
        Assert.Empty(await bed.Groups.ListByInsatsAsync(bed.InsatsId, null, 10, Ct));
        Assert.Empty(await bed.EventsAsync());
    }
}
