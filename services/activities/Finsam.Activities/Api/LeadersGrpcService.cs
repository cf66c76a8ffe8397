using Finsam.Activities.Application.Leaders;
using Finsam.Platform.Security;
using Finsam.Protos.Activities.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ProtoLeader = Finsam.Protos.Activities.V1.Leader;

namespace Finsam.Activities.Api;

/// <summary>finsam.activities.v1.LeadersService: gRPC, and REST through JSON transcoding.</summary>
[Authorize]
public sealed class LeadersGrpcService(LeaderHandlers leaders) : LeadersService.LeadersServiceBase
{
    public override async Task<ProtoLeader> RegisterLeader(RegisterLeaderRequest request, ServerCallContext context) =>
        ToProto(await leaders.RegisterAsync(
            context.GetCaller(),
            new RegisterLeaderCommand(request.Subject, request.DisplayName, request.Agency, request.Qualifications.ToList()),
            context.CancellationToken));

    public override async Task<ProtoLeader> GetLeader(GetLeaderRequest request, ServerCallContext context) =>
        ToProto(await leaders.GetAsync(context.GetCaller(), request.Subject, context.CancellationToken));

    public override async Task<ListLeadersResponse> ListLeaders(ListLeadersRequest request, ServerCallContext context)
    {
        var (page, next) = await leaders.ListAsync(context.GetCaller(), request.PageSize, request.PageToken, context.CancellationToken);
        return new ListLeadersResponse { Leaders = { page.Select(ToProto) }, NextPageToken = next ?? "" };
    }

    private static ProtoLeader ToProto(Domain.Leaders.Leader leader) => new()
    {
        Subject = leader.Subject,
        DisplayName = leader.DisplayName,
        Agency = leader.Agency,
        Qualifications = { leader.Qualifications },
        RegisteredAt = Timestamp.FromDateTime(leader.RegisteredAt),
    };
}
