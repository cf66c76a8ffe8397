using Finsam.Participants.Application.Enrolments;
using Finsam.Platform.Grpc;
using Finsam.Protos.Participants.V1;
using Grpc.Core;
using ProtoEnrolment = Finsam.Protos.Participants.V1.Enrolment;

namespace Finsam.Participants.Api;

/// <summary>Corrections and retractions of what a stay recorded: kartläggning, plans, assessments, self-assessments, follow-ups.</summary>
public sealed partial class EnrolmentsGrpcService
{
    public override async Task<ProtoEnrolment> CorrectKartlaggning(CorrectKartlaggningRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await recordCorrections.CorrectKartlaggningAsync(
            context.GetAccessContext(),
            new CorrectKartlaggningCommand(
                request.EnrolmentId, request.KartlaggningId, request.Etag, ProtoDates.ToDateOnly(request.Date, "date"), request.Areas, request.Reason),
            context.CancellationToken));

    public override async Task<ProtoEnrolment> CorrectPlan(CorrectPlanRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await recordCorrections.CorrectPlanAsync(
            context.GetAccessContext(),
            new CorrectPlanCommand(
                request.EnrolmentId,
                request.PlanId,
                request.Etag,
                ProtoDates.ToDateOnly(request.RecordedOn, "recorded_on"),
                request.GoalKind,
                request.Huvudmal,
                request.Delmal,
                request.Strategies,
                ProtoDates.ToDateOnly(request.ReviewDate, "review_date"),
                request.Reason),
            context.CancellationToken));

    public override async Task<ProtoEnrolment> CorrectAssessment(CorrectAssessmentRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await recordCorrections.CorrectAssessmentAsync(
            context.GetAccessContext(),
            new CorrectAssessmentCommand(
                request.EnrolmentId,
                request.AssessmentId,
                request.Etag,
                request.Instrument,
                request.InstrumentVersion,
                request.Scale,
                ProtoDates.ToDateOnly(request.AssessedOn, "assessed_on"),
                request.Result,
                request.Reason),
            context.CancellationToken));

    public override async Task<ProtoEnrolment> CorrectSelfAssessment(CorrectSelfAssessmentRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await recordCorrections.CorrectSelfAssessmentAsync(
            context.GetAccessContext(),
            new CorrectSelfAssessmentCommand(
                request.EnrolmentId,
                request.AssessmentId,
                request.Etag,
                request.Phase,
                ProtoDates.ToDateOnly(request.AssessedOn, "assessed_on"),
                request.Scores.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal),
                request.Reason),
            context.CancellationToken));

    public override async Task<ProtoEnrolment> CorrectFollowUp(CorrectFollowUpRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await recordCorrections.CorrectFollowUpAsync(
            context.GetAccessContext(),
            new CorrectFollowUpCommand(
                request.EnrolmentId, request.FollowUpId, request.Etag, ProtoDates.ToDateOnly(request.ContactOn, "contact_on"), request.Note, request.Reason),
            context.CancellationToken));

    public override async Task<ProtoEnrolment> RetractKartlaggning(RetractKartlaggningRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await retractions.RetractKartlaggningAsync(
            context.GetAccessContext(),
            new RetractRecordCommand(request.EnrolmentId, request.KartlaggningId, request.Etag, request.Reason),
            context.CancellationToken));

    public override async Task<ProtoEnrolment> RetractPlan(RetractPlanRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await retractions.RetractPlanAsync(
            context.GetAccessContext(),
            new RetractRecordCommand(request.EnrolmentId, request.PlanId, request.Etag, request.Reason),
            context.CancellationToken));

    public override async Task<ProtoEnrolment> RetractAssessment(RetractAssessmentRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await retractions.RetractAssessmentAsync(
            context.GetAccessContext(),
            new RetractRecordCommand(request.EnrolmentId, request.AssessmentId, request.Etag, request.Reason),
            context.CancellationToken));

    public override async Task<ProtoEnrolment> RetractSelfAssessment(RetractSelfAssessmentRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await retractions.RetractSelfAssessmentAsync(
            context.GetAccessContext(),
            new RetractRecordCommand(request.EnrolmentId, request.AssessmentId, request.Etag, request.Reason),
            context.CancellationToken));

    public override async Task<ProtoEnrolment> RetractFollowUp(RetractFollowUpRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await retractions.RetractFollowUpAsync(
            context.GetAccessContext(),
            new RetractRecordCommand(request.EnrolmentId, request.FollowUpId, request.Etag, request.Reason),
            context.CancellationToken));
}
