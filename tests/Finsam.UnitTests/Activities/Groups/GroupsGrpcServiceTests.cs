using System.Reflection;
using System.Security.Claims;
using Finsam.Activities.Api;
using Finsam.Activities.Application.Groups;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Protos.Activities.V1;
using Finsam.Testing;
using Finsam.UnitTests.Activities.Calendar;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Finsam.UnitTests.Activities.Groups.GroupTestBed;

namespace Finsam.UnitTests.Activities.Groups;

/// <summary>The gRPC service over the harness: proto in, handlers, <see cref="GroupMapping"/> out.</summary>
public sealed class GroupsGrpcServiceTests
{
    private static GroupsGrpcService Service(GroupTestBed bed) =>
        ActivatorUtilities.CreateInstance<GroupsGrpcService>(bed.Harness.Get<IServiceProvider>());

    private static Google.Type.Date Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    [Fact]
    public void Every_method_needs_a_sign_in_except_the_calendar_feed()
    {
        Assert.NotNull(typeof(GroupsGrpcService).GetCustomAttribute<AuthorizeAttribute>());
        var anonymous = typeof(GroupsGrpcService)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
            .Select(m => m.Name);
        Assert.Equal([nameof(GroupsGrpcService.GetGroupCalendar)], anonymous);
    }

    [Fact]
    public async Task A_scheduled_group_maps_to_the_proto_with_its_etag_counts_traffar_and_changes()
    {
        await using var bed = await StartAsync();
        var service = Service(bed);
        var admin = Call.As(bed.Admin);

        var scheduled = await service.ScheduleGroup(
            new ScheduleGroupRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                InsatsId = bed.InsatsId,
                FormatId = bed.MittValFormatId,
                Name = "Mitt Val vår 2026, grupp 1",
                StartDate = Date(2026, 5, 12),
                ClosedDates = { Date(2026, 5, 19) },
                Location = "Arbetsförmedlingen, rum 3",
            },
            admin);
        await bed.BookAsync((await bed.Groups.GetAsync(scheduled.GroupId, Ct))!, 3);
        var read = await service.GetGroup(new GetGroupRequest { GroupId = scheduled.GroupId }, admin);
        var moved = await service.MoveTraff(
            new MoveTraffRequest { GroupId = read.GroupId, TraffId = read.Traffar[0].TraffId, Etag = read.Etag, Date = Date(2026, 5, 13), Reason = "Lokalen" },
            Call.As(bed.Insatsansvarig));

        Assert.Equal(("1", "2", "3"), (scheduled.Etag, read.Etag, moved.Etag));
        Assert.Equal((GroupStatus.Scheduled, Delivery.Physical, 10, 8, 2, 3, 0), (read.Status, read.Delivery, read.MaxParticipants,
            read.MinParticipants, read.LateJoinUntilTraff, read.Booked, read.Waitlisted));
        Assert.Equal(Date(2026, 5, 12), read.StartDate);
        Assert.Equal([Date(2026, 5, 19)], read.ClosedDates);
        Assert.Equal(43, read.CalendarToken.Length);
        Assert.Equal(ActivitiesHarness.DefaultNow.UtcDateTime, read.ScheduledAt.ToDateTime());
        Assert.Equal(
            (1, Date(2026, 5, 12), "13:00", 120, "Träffar", "Välkommen", TraffStatus.Planned),
            (read.Traffar[0].Number, read.Traffar[0].Date, read.Traffar[0].StartTime, read.Traffar[0].LengthMinutes,
                read.Traffar[0].Phase, read.Traffar[0].Theme, read.Traffar[0].Status));

        var change = Assert.Single(moved.Traffar[0].Changes);
        Assert.Equal(("moved", Date(2026, 5, 12), "13:00", "ia-1", "Lokalen"),
            (change.Kind, change.PreviousDate, change.PreviousStartTime, change.ChangedBy, change.Reason));
        Assert.Equal(ActivitiesHarness.DefaultNow.UtcDateTime, change.ChangedAt.ToDateTime());
        Assert.Equal(Date(2026, 5, 13), moved.Traffar[0].Date);
    }

    [Fact]
    public async Task An_impossible_closed_date_is_named_by_its_position()
    {
        await using var bed = await StartAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Service(bed).ScheduleGroup(
            new ScheduleGroupRequest
            {
                InsatsId = bed.InsatsId,
                FormatId = bed.MittValFormatId,
                Name = "Mitt Val",
                StartDate = Date(2026, 5, 12),
                ClosedDates = { Date(2026, 5, 19), Date(2026, 2, 30), Date(2026, 13, 1) },
            },
            Call.As(bed.Admin)));

        Assert.Equal(["closed_dates[1]", "closed_dates[2]"], refused.Violations.Select(v => v.Field));
        Assert.Empty(await bed.EventsAsync());
    }

    [Fact]
    public async Task My_next_traffar_carry_the_group_place_and_booked_count()
    {
        await using var bed = await StartAsync();
        var group = await bed.BookAsync(await bed.ScheduleLedMittValAsync(), 4);

        var response = await Service(bed).ListMyNextTraffar(new ListMyNextTraffarRequest { Limit = 2 }, Call.As(bed.LeaderAf));

        Assert.Equal(2, response.Traffar.Count);
        var next = response.Traffar[0];
        Assert.Equal((group.Id, group.Name, "Arbetsförmedlingen, rum 3", 4, 1), (next.GroupId, next.GroupName, next.Location, next.Booked, next.Traff.Number));
    }

    [Fact]
    public async Task The_calendar_is_served_as_utf8_text_calendar_without_a_signed_in_caller()
    {
        await using var bed = await StartAsync();
        var group = await bed.ScheduleMittValAsync();

        var body = await Service(bed).GetGroupCalendar(
            new GetGroupCalendarRequest { CalendarToken = group.CalendarToken }, Call.As(new ClaimsPrincipal(new ClaimsIdentity())));

        Assert.Equal("text/calendar; charset=utf-8", body.ContentType);
        var calendar = IcsTestParser.Parse(body.Data.ToStringUtf8());
        Assert.Equal(8, calendar.All("VEVENT").Count());
        Assert.Contains(calendar.All("VEVENT"), e => e.Single("LOCATION").Text == "Arbetsförmedlingen, rum 3");
    }

    /// <summary>A call as it reaches the service after authentication: the caller's claims on the HttpContext.</summary>
    private sealed class Call : ServerCallContext
    {
        private Call(ClaimsPrincipal user) => UserState["__HttpContext"] = new DefaultHttpContext { User = user };

        protected override string MethodCore => "/finsam.activities.v1.GroupsService/Test";

        protected override string HostCore => "localhost";

        protected override string PeerCore => "ipv4:127.0.0.1:1";

        protected override DateTime DeadlineCore => DateTime.MaxValue;

        protected override Metadata RequestHeadersCore { get; } = [];

        protected override CancellationToken CancellationTokenCore => Ct;

        protected override Metadata ResponseTrailersCore { get; } = [];

        protected override Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore { get; } = new(null, []);

        public static Call As(ClaimsPrincipal user) => new(user);

        public static Call As(Caller caller)
        {
            var claims = new List<Claim> { new(FinsamClaims.Subject, caller.Subject), new(FinsamClaims.Role, caller.Role) };
            if (caller.Agency is not null)
            {
                claims.Add(new Claim(FinsamClaims.Agency, caller.Agency));
            }

            claims.AddRange(caller.Insatser.Select(i => new Claim(FinsamClaims.Insats, i)));
            return new Call(new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer")));
        }

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
            throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
