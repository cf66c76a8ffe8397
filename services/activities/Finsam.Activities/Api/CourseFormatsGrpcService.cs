using Finsam.Activities.Application.Formats;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Protos.Activities.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using DomainDelivery = Finsam.Activities.Domain.Groups.Delivery;
using DomainPoint = Finsam.Activities.Domain.Formats.MeasurementPoint;
using Model = Finsam.Activities.Domain.Formats;
using ProtoDelivery = Finsam.Protos.Activities.V1.Delivery;
using ProtoFormat = Finsam.Protos.Activities.V1.CourseFormat;
using ProtoPoint = Finsam.Protos.Activities.V1.MeasurementPoint;

namespace Finsam.Activities.Api;

/// <summary>finsam.activities.v1.CourseFormatsService: gRPC, and REST through JSON transcoding.</summary>
[Authorize]
public sealed class CourseFormatsGrpcService(CourseFormatHandlers formats) : CourseFormatsService.CourseFormatsServiceBase
{
    public override async Task<ProtoFormat> DefineCourseFormat(DefineCourseFormatRequest request, ServerCallContext context) =>
        ToProto(await formats.DefineAsync(
            context.GetCaller(), new DefineCourseFormatCommand(request.RequestId, ToDraft(request.Format)), context.CancellationToken));

    public override async Task<ProtoFormat> ChangeCourseFormat(ChangeCourseFormatRequest request, ServerCallContext context) =>
        ToProto(await formats.ChangeAsync(
            context.GetCaller(), new ChangeCourseFormatCommand(request.FormatId, request.Etag, ToDraft(request.Format)), context.CancellationToken));

    public override async Task<ProtoFormat> GetCourseFormat(GetCourseFormatRequest request, ServerCallContext context)
    {
        // Open to every signed-in caller; reading the caller still refuses a token that names no user or role.
        _ = context.GetCaller();
        return ToProto(await formats.GetAsync(request.FormatId, context.CancellationToken));
    }

    public override async Task<ListCourseFormatsResponse> ListCourseFormats(ListCourseFormatsRequest request, ServerCallContext context)
    {
        _ = context.GetCaller();
        var (page, next) = await formats.ListAsync(request.PageSize, request.PageToken, context.CancellationToken);
        return new ListCourseFormatsResponse { Formats = { page.Select(ToProto) }, NextPageToken = next ?? "" };
    }

    private static CourseFormatDraft? ToDraft(CourseFormatContent? content) => content is null
        ? null
        : new CourseFormatDraft(
            content.Name,
            content.Description,
            content.Phases.Select(p => new CourseFormatPhaseDraft(p.Name, p.Traffar, p.Weekdays.ToList(), p.StartTime, p.LengthMinutes, p.Weeks)).ToList(),
            content.MinParticipants,
            content.MaxParticipants,
            content.RequiredLeaderQualification,
            content.RequiredLeaderAgencies.ToList(),
            content.MeasurementPoints.Select(ToDomain).ToList(),
            content.Delivery switch
            {
                ProtoDelivery.Physical => DomainDelivery.Physical,
                ProtoDelivery.Digital => DomainDelivery.Digital,
                _ => null,
            },
            content.InterpreterRequired,
            content.LateJoinUntilTraff,
            content.CompletionMinAttendancePercent,
            content.TraffThemes.ToList(),
            content.EvaluationStatements.ToList());

    // Unspecified, or a value this version doesn't know: null, which validation names.
    private static DomainPoint? ToDomain(ProtoPoint point) => point switch
    {
        ProtoPoint.Start => DomainPoint.Start,
        ProtoPoint.Weekly => DomainPoint.Weekly,
        ProtoPoint.End => DomainPoint.End,
        ProtoPoint.FollowUp3Months => DomainPoint.FollowUp3Months,
        _ => null,
    };

    private static ProtoPoint ToProto(DomainPoint point) => point switch
    {
        DomainPoint.Start => ProtoPoint.Start,
        DomainPoint.Weekly => ProtoPoint.Weekly,
        DomainPoint.End => ProtoPoint.End,
        _ => ProtoPoint.FollowUp3Months,
    };

    public static ProtoFormat ToProto(Model.CourseFormat format) => new()
    {
        FormatId = format.Id,
        Format = ToProto(format.Content),
        TotalTraffar = format.Content.TotalTraffar,
        SeedKey = format.SeedKey ?? "",
        ChangedAt = Timestamp.FromDateTime(format.ChangedAt),
        Etag = Etags.Of(format.Version),
    };

    private static CourseFormatContent ToProto(Model.CourseFormatContent content) => new()
    {
        Name = content.Name,
        Description = content.Description,
        Phases =
        {
            content.Phases.Select(p => new CourseFormatPhase
            {
                Name = p.Name,
                Traffar = p.Traffar,
                Weekdays = { p.Weekdays },
                // A phase without träffar has no time of day.
                StartTime = p.Traffar == 0 ? "" : p.StartTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                LengthMinutes = p.LengthMinutes,
                Weeks = p.Weeks,
            }),
        },
        MinParticipants = content.MinParticipants,
        MaxParticipants = content.MaxParticipants,
        RequiredLeaderQualification = content.RequiredLeaderQualification,
        RequiredLeaderAgencies = { content.RequiredLeaderAgencies },
        MeasurementPoints = { content.MeasurementPoints.Select(ToProto) },
        Delivery = content.Delivery == DomainDelivery.Digital ? ProtoDelivery.Digital : ProtoDelivery.Physical,
        InterpreterRequired = content.InterpreterRequired,
        LateJoinUntilTraff = content.LateJoinUntilTraff,
        CompletionMinAttendancePercent = content.CompletionMinAttendancePercent,
        TraffThemes = { content.TraffThemes },
        EvaluationStatements = { content.EvaluationStatements },
    };
}
