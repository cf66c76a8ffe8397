using Finsam.Activities.Application.Attendance;
using Finsam.Activities.Application.Groups;
using Finsam.Platform.Errors;
using Finsam.Platform.Grpc;
using Finsam.Platform.Security;
using Finsam.Protos.Activities.V1;
using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ProtoGroup = Finsam.Protos.Activities.V1.Group;

namespace Finsam.Activities.Api;

/// <summary>
/// finsam.activities.v1.GroupsService: gRPC, and REST through JSON transcoding. Completing a group is decided by
/// its attendance, so its handler lives with attendance. The calendar feed is the one method without a sign-in:
/// its token is the key.
/// </summary>
[Authorize]
public sealed class GroupsGrpcService(
    ScheduleGroupHandler schedule,
    GroupQueries queries,
    AssignLeadersHandler leaders,
    StartGroupHandler start,
    CancelGroupHandler cancel,
    TraffChangeHandlers traffar,
    GroupCalendarHandler calendar,
    CompleteGroupHandler complete)
    : GroupsService.GroupsServiceBase
{
    public override async Task<ProtoGroup> CompleteGroup(CompleteGroupRequest request, ServerCallContext context) =>
        GroupMapping.ToProto(await complete.HandleAsync(
            context.GetCaller(),
            new CompleteGroupCommand(request.GroupId, request.Etag),
            context.CancellationToken));

    public override async Task<ProtoGroup> ScheduleGroup(ScheduleGroupRequest request, ServerCallContext context) =>
        GroupMapping.ToProto(await schedule.HandleAsync(
            context.GetCaller(),
            new ScheduleGroupCommand(
                request.RequestId,
                request.InsatsId,
                request.FormatId,
                request.Name,
                ProtoDates.ToDateOnly(request.StartDate, "start_date"),
                ClosedDates(request.ClosedDates),
                request.Location,
                request.InterpreterLanguage,
                request.MaxParticipants),
            context.CancellationToken));

    public override async Task<ProtoGroup> GetGroup(GetGroupRequest request, ServerCallContext context) =>
        GroupMapping.ToProto(await queries.GetAsync(context.GetCaller(), request.GroupId, context.CancellationToken));

    public override async Task<ListGroupsResponse> ListGroups(ListGroupsRequest request, ServerCallContext context)
    {
        var (page, next) = await queries.ListByInsatsAsync(
            context.GetCaller(), request.InsatsId, request.PageSize, request.PageToken, context.CancellationToken);
        return new ListGroupsResponse { Groups = { page.Select(GroupMapping.ToProto) }, NextPageToken = next ?? "" };
    }

    public override async Task<ListGroupsResponse> ListMyGroups(ListMyGroupsRequest request, ServerCallContext context) =>
        new() { Groups = { (await queries.ListMineAsync(context.GetCaller(), request.IncludeEnded, context.CancellationToken)).Select(GroupMapping.ToProto) } };

    public override async Task<ListMyNextTraffarResponse> ListMyNextTraffar(ListMyNextTraffarRequest request, ServerCallContext context) =>
        new() { Traffar = { (await queries.NextTraffarAsync(context.GetCaller(), request.Limit, context.CancellationToken)).Select(GroupMapping.ToProto) } };

    public override async Task<ProtoGroup> AssignLeaders(AssignLeadersRequest request, ServerCallContext context) =>
        GroupMapping.ToProto(await leaders.HandleAsync(
            context.GetCaller(),
            new AssignLeadersCommand(request.GroupId, request.Etag, request.LeaderSubjects),
            context.CancellationToken));

    public override async Task<ProtoGroup> StartGroup(StartGroupRequest request, ServerCallContext context) =>
        GroupMapping.ToProto(await start.HandleAsync(
            context.GetCaller(),
            new StartGroupCommand(request.GroupId, request.Etag, request.OverrideMinParticipants, request.OverrideReason),
            context.CancellationToken));

    public override async Task<ProtoGroup> CancelGroup(CancelGroupRequest request, ServerCallContext context) =>
        GroupMapping.ToProto(await cancel.HandleAsync(
            context.GetCaller(),
            new CancelGroupCommand(request.GroupId, request.Etag, request.Reason),
            context.CancellationToken));

    public override async Task<ProtoGroup> AddTraff(AddTraffRequest request, ServerCallContext context) =>
        GroupMapping.ToProto(await traffar.AddAsync(
            context.GetCaller(),
            new AddTraffCommand(
                request.GroupId,
                request.Etag,
                ProtoDates.ToDateOnly(request.Date, "date"),
                request.StartTime,
                request.LengthMinutes,
                request.Theme,
                request.Reason),
            context.CancellationToken));

    public override async Task<ProtoGroup> MoveTraff(MoveTraffRequest request, ServerCallContext context) =>
        GroupMapping.ToProto(await traffar.MoveAsync(
            context.GetCaller(),
            new MoveTraffCommand(request.GroupId, request.TraffId, request.Etag, ProtoDates.ToDateOnly(request.Date, "date"), request.StartTime, request.Reason),
            context.CancellationToken));

    public override async Task<ProtoGroup> CancelTraff(CancelTraffRequest request, ServerCallContext context) =>
        GroupMapping.ToProto(await traffar.CancelAsync(
            context.GetCaller(),
            new CancelTraffCommand(request.GroupId, request.TraffId, request.Etag, request.Reason),
            context.CancellationToken));

    [AllowAnonymous]
    public override async Task<HttpBody> GetGroupCalendar(GetGroupCalendarRequest request, ServerCallContext context) => new()
    {
        ContentType = GroupCalendarHandler.ContentType,
        Data = ByteString.CopyFromUtf8(await calendar.RenderAsync(request.CalendarToken, context.CancellationToken)),
    };

    /// <summary>Each closed date converted on its own, so a bad one is named by its position.</summary>
    private static List<DateOnly?> ClosedDates(IReadOnlyList<Google.Type.Date> dates)
    {
        var converted = new List<DateOnly?>(dates.Count);
        var violations = new List<FieldViolation>();
        for (var i = 0; i < dates.Count; i++)
        {
            try
            {
                converted.Add(ProtoDates.ToDateOnly(dates[i], $"closed_dates[{i}]"));
            }
            catch (ValidationFailedException invalid)
            {
                violations.AddRange(invalid.Violations);
            }
        }

        return violations.Count > 0 ? throw new ValidationFailedException(violations) : converted;
    }
}
