using Finsam.Activities.Application.Attendance;
using Finsam.Platform.Security;
using Finsam.Protos.Activities.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Finsam.Activities.Api;

/// <summary>finsam.activities.v1.AttendanceService: gRPC, and REST through JSON transcoding.</summary>
[Authorize]
public sealed class AttendanceGrpcService(RecordAttendanceHandler record, CorrectAttendanceHandler correct, AttendanceQueries queries)
    : AttendanceService.AttendanceServiceBase
{
    public override async Task<TraffAttendance> RecordAttendance(RecordAttendanceRequest request, ServerCallContext context) =>
        BookingsMapping.ToProto(await record.HandleAsync(
            context.GetCaller(),
            new RecordAttendanceCommand(
                request.GroupId,
                request.TraffId,
                request.Entries.Select(e => new AttendanceEntryInput(e.ParticipantId, BookingsMapping.ToDomain(e.Status), e.Hours)).ToList()),
            context.CancellationToken));

    public override async Task<TraffAttendance> CorrectAttendance(CorrectAttendanceRequest request, ServerCallContext context) =>
        BookingsMapping.ToProto(await correct.HandleAsync(
            context.GetCaller(),
            new CorrectAttendanceCommand(
                request.GroupId,
                request.TraffId,
                request.ParticipantId,
                BookingsMapping.ToDomain(request.Status),
                request.Hours,
                request.Reason,
                request.Etag),
            context.CancellationToken));

    public override async Task<TraffAttendance> GetTraffAttendance(GetTraffAttendanceRequest request, ServerCallContext context) =>
        BookingsMapping.ToProto(await queries.GetTraffAttendanceAsync(context.GetCaller(), request.GroupId, request.TraffId, context.CancellationToken));

    public override async Task<AttendanceSummary> GetAttendanceSummary(GetAttendanceSummaryRequest request, ServerCallContext context) =>
        BookingsMapping.ToProto(await queries.GetSummaryAsync(context.GetCaller(), request.GroupId, context.CancellationToken));
}
