using Finsam.Participants.Application.Referrals;
using Finsam.Platform.Errors;
using Finsam.Platform.Grpc;
using Finsam.Protos.Participants.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ProtoReferral = Finsam.Protos.Participants.V1.Referral;
using ProtoReferralQueue = Finsam.Protos.Participants.V1.ReferralQueue;

namespace Finsam.Participants.Api;

/// <summary>finsam.participants.v1.ReferralsService: gRPC, and REST through JSON transcoding.</summary>
[Authorize]
public sealed class ReferralsGrpcService(
    CreateReferralHandler create,
    GetReferralHandler get,
    ListParticipantReferralsHandler list,
    AcceptReferralHandler accept,
    DeclineReferralHandler decline,
    WithdrawReferralHandler withdraw,
    GetReferralQueueHandler queue)
    : ReferralsService.ReferralsServiceBase
{
    public override async Task<ProtoReferral> CreateReferral(CreateReferralRequest request, ServerCallContext context)
    {
        var view = await create.HandleAsync(
            context.GetAccessContext(),
            new CreateReferralCommand(
                request.RequestId,
                request.ParticipantId,
                request.InsatsId,
                request.Agency,
                request.Purpose,
                request.Handlaggare,
                request.AgencyReference,
                ProtoDates.ToDateOnly(request.ReceivedOn, "received_on")),
            context.CancellationToken);
        return ToProto(view);
    }

    public override async Task<ProtoReferral> GetReferral(GetReferralRequest request, ServerCallContext context) =>
        ToProto(await get.HandleAsync(context.GetAccessContext(), request.ReferralId, context.CancellationToken));

    public override async Task<ListParticipantReferralsResponse> ListParticipantReferrals(ListParticipantReferralsRequest request, ServerCallContext context)
    {
        var page = await list.HandleAsync(
            context.GetAccessContext(),
            new ListParticipantReferralsQuery(request.ParticipantId, request.PageSize, request.PageToken),
            context.CancellationToken);
        return new ListParticipantReferralsResponse
        {
            Referrals = { page.Referrals.Select(ToProto) },
            NextPageToken = page.NextPageToken ?? "",
        };
    }

    public override async Task<ProtoReferral> AcceptReferral(AcceptReferralRequest request, ServerCallContext context) =>
        ToProto(await accept.HandleAsync(
            context.GetAccessContext(),
            new AcceptReferralCommand(request.ReferralId, request.Etag, request.OverCapacity),
            context.CancellationToken));

    public override async Task<ProtoReferral> DeclineReferral(DeclineReferralRequest request, ServerCallContext context) =>
        ToProto(await decline.HandleAsync(
            context.GetAccessContext(),
            new DeclineReferralCommand(request.ReferralId, request.Etag, request.Reason, request.Note),
            context.CancellationToken));

    public override async Task<ProtoReferral> WithdrawReferral(WithdrawReferralRequest request, ServerCallContext context) =>
        ToProto(await withdraw.HandleAsync(
            context.GetAccessContext(),
            new WithdrawReferralCommand(request.ReferralId, request.Etag),
            context.CancellationToken));

    public override async Task<ProtoReferralQueue> GetReferralQueue(GetReferralQueueRequest request, ServerCallContext context)
    {
        var view = await queue.HandleAsync(context.GetAccessContext(), request.InsatsId, context.CancellationToken);
        return new ProtoReferralQueue
        {
            InsatsId = view.InsatsId,
            BudgetedPlaces = view.BudgetedPlaces,
            PlacesInUse = view.PlacesInUse,
            Referrals = { view.Queued.Select(ToProto) },
        };
    }

    public static ProtoReferral ToProto(ReferralView view)
    {
        var referral = view.Referral;
        return new ProtoReferral
        {
            ReferralId = referral.Id,
            ParticipantId = referral.ParticipantId,
            InsatsId = referral.InsatsId,
            Agency = referral.Agency,
            Purpose = referral.Purpose,
            Handlaggare = referral.Handlaggare,
            AgencyReference = referral.AgencyReference,
            ReceivedOn = ProtoDates.ToProto(referral.ReceivedOn),
            Status = referral.Status,
            DeclineReason = referral.DeclineReason ?? "",
            DeclineNote = referral.DeclineNote ?? "",
            OverCapacity = referral.OverCapacity,
            QueuePosition = view.QueuePosition,
            Etag = Etags.Of(referral.Version),
            CreatedAt = Timestamp.FromDateTime(referral.CreatedAt),
            DecidedAt = referral.DecidedAt is { } decidedAt ? Timestamp.FromDateTime(decidedAt) : null,
        };
    }
}
