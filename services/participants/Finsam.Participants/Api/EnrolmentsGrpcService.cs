using Finsam.Participants.Application.Enrolments;
using Finsam.Platform.Grpc;
using Finsam.Protos.Participants.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ProtoEnrolment = Finsam.Protos.Participants.V1.Enrolment;
using ProtoOverduePlan = Finsam.Protos.Participants.V1.OverduePlan;
using ProtoSelfAssessmentChange = Finsam.Protos.Participants.V1.SelfAssessmentChange;

namespace Finsam.Participants.Api;

/// <summary>
/// finsam.participants.v1.EnrolmentsService: gRPC, and REST through JSON transcoding. The corrections and
/// retractions of recorded items are in EnrolmentsGrpcService.RecordedFacts.cs.
/// </summary>
[Authorize]
public sealed partial class EnrolmentsGrpcService(
    StartEnrolmentHandler start,
    GetEnrolmentHandlers get,
    RecordKartlaggningHandler kartlaggning,
    RecordPlanHandler plan,
    ListOverduePlansHandler overdue,
    RecordAssessmentHandlers assessments,
    GetSelfAssessmentChangeHandler selfAssessmentChange,
    EndEnrolmentHandler end,
    CorrectEnrolmentHandlers corrections,
    RecordFollowUpHandler followUp,
    CorrectRecordedFactsHandlers recordCorrections,
    RetractRecordedFactHandler retractions)
    : EnrolmentsService.EnrolmentsServiceBase
{
    public override async Task<ProtoEnrolment> StartEnrolment(StartEnrolmentRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await start.HandleAsync(
            context.GetAccessContext(),
            new StartEnrolmentCommand(
                request.RequestId,
                request.InsatsId,
                request.ParticipantId,
                request.Anonymous is { } anonymous ? new Application.Enrolments.AnonymousPerson(EnrolmentMapping.ToDomain(anonymous.Gender), anonymous.AgeBand) : null,
                request.ReferralId,
                ProtoDates.ToDateOnly(request.StartDate, "start_date"),
                request.ContactPersons,
                request.ForsorjningAtStart,
                request.SysselsattningAtStart,
                request.EducationLevel,
                request.HasYearsInSupport ? request.YearsInSupport : null),
            context.CancellationToken));

    public override async Task<ProtoEnrolment> GetEnrolment(GetEnrolmentRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await get.GetAsync(context.GetAccessContext(), request.EnrolmentId, context.CancellationToken));

    public override async Task<ListParticipantEnrolmentsResponse> ListParticipantEnrolments(ListParticipantEnrolmentsRequest request, ServerCallContext context) =>
        new() { Enrolments = { (await get.ListForParticipantAsync(context.GetAccessContext(), request.ParticipantId, context.CancellationToken)).Select(EnrolmentMapping.ToProto) } };

    public override async Task<ProtoEnrolment> RecordKartlaggning(RecordKartlaggningRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await kartlaggning.HandleAsync(
            context.GetAccessContext(),
            new RecordKartlaggningCommand(request.EnrolmentId, request.Etag, ProtoDates.ToDateOnly(request.Date, "date"), request.Areas),
            context.CancellationToken));

    public override async Task<ProtoEnrolment> RecordPlan(RecordPlanRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await plan.HandleAsync(
            context.GetAccessContext(),
            new RecordPlanCommand(
                request.EnrolmentId,
                request.Etag,
                ProtoDates.ToDateOnly(request.RecordedOn, "recorded_on"),
                request.GoalKind,
                request.Huvudmal,
                request.Delmal,
                request.Strategies,
                ProtoDates.ToDateOnly(request.ReviewDate, "review_date")),
            context.CancellationToken));

    public override async Task<ListOverduePlansResponse> ListOverduePlans(ListOverduePlansRequest request, ServerCallContext context)
    {
        var list = await overdue.HandleAsync(context.GetAccessContext(), request.InsatsId, context.CancellationToken);
        return new ListOverduePlansResponse
        {
            Overdue =
            {
                list.Select(o => new ProtoOverduePlan
                {
                    EnrolmentId = o.Enrolment.Id,
                    ParticipantId = o.Enrolment.ParticipantId ?? "",
                    StartDate = ProtoDates.ToProto(o.Enrolment.Start.StartDate),
                    PlanDueOn = ProtoDates.ToProto(o.DueOn),
                    DaysOverdue = o.DaysOverdue,
                }),
            },
        };
    }

    public override async Task<ProtoEnrolment> RecordAssessment(RecordAssessmentRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await assessments.RecordStaffAsync(
            context.GetAccessContext(),
            new RecordAssessmentCommand(
                request.EnrolmentId,
                request.Etag,
                request.Instrument,
                request.InstrumentVersion,
                request.Scale,
                ProtoDates.ToDateOnly(request.AssessedOn, "assessed_on"),
                request.Result),
            context.CancellationToken));

    public override async Task<ProtoEnrolment> RecordSelfAssessment(RecordSelfAssessmentRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await assessments.RecordSelfAsync(
            context.GetAccessContext(),
            new RecordSelfAssessmentCommand(
                request.EnrolmentId,
                request.Etag,
                request.Instrument,
                request.Phase,
                ProtoDates.ToDateOnly(request.AssessedOn, "assessed_on"),
                request.Scores.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal)),
            context.CancellationToken));

    public override async Task<ProtoSelfAssessmentChange> GetSelfAssessmentChange(GetSelfAssessmentChangeRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await selfAssessmentChange.HandleAsync(context.GetAccessContext(), request.EnrolmentId, request.Instrument, context.CancellationToken));

    public override async Task<ProtoEnrolment> EndEnrolment(EndEnrolmentRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await end.HandleAsync(
            context.GetAccessContext(),
            new EndEnrolmentCommand(
                request.EnrolmentId,
                request.Etag,
                ProtoDates.ToDateOnly(request.EndDate, "end_date"),
                request.Reasons,
                request.SysselsattningAtEnd,
                request.ForsorjningAtEnd),
            context.CancellationToken));

    public override async Task<ProtoEnrolment> CorrectEnrolmentStart(CorrectEnrolmentStartRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await corrections.CorrectStartAsync(
            context.GetAccessContext(),
            new CorrectEnrolmentStartCommand(
                request.EnrolmentId,
                request.Etag,
                ProtoDates.ToDateOnly(request.StartDate, "start_date"),
                request.ContactPersons,
                request.ForsorjningAtStart,
                request.SysselsattningAtStart,
                request.EducationLevel,
                request.HasYearsInSupport ? request.YearsInSupport : null,
                request.Reason),
            context.CancellationToken));

    public override async Task<ProtoEnrolment> CorrectEnrolmentEnd(CorrectEnrolmentEndRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await corrections.CorrectEndAsync(
            context.GetAccessContext(),
            new CorrectEnrolmentEndCommand(
                request.EnrolmentId,
                request.Etag,
                ProtoDates.ToDateOnly(request.EndDate, "end_date"),
                request.Reasons,
                request.SysselsattningAtEnd,
                request.ForsorjningAtEnd,
                request.Reason),
            context.CancellationToken));

    public override async Task<History> GetEnrolmentHistory(GetEnrolmentHistoryRequest request, ServerCallContext context) =>
        HistoryMapping.ToProto(await get.HistoryAsync(context.GetAccessContext(), request.EnrolmentId, context.CancellationToken));

    public override async Task<ProtoEnrolment> RecordFollowUp(RecordFollowUpRequest request, ServerCallContext context) =>
        EnrolmentMapping.ToProto(await followUp.HandleAsync(
            context.GetAccessContext(),
            new RecordFollowUpCommand(request.EnrolmentId, request.Etag, ProtoDates.ToDateOnly(request.ContactOn, "contact_on"), request.Note),
            context.CancellationToken));
}
