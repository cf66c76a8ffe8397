using Finsam.Participants.Application.Gallring;
using Finsam.Platform.Grpc;
using Finsam.Protos.Participants.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ProtoRule = Finsam.Protos.Participants.V1.GallringRule;
using ProtoRun = Finsam.Protos.Participants.V1.GallringRun;

namespace Finsam.Participants.Api;

/// <summary>finsam.participants.v1.GallringService.</summary>
[Authorize]
public sealed class GallringGrpcService(GallringHandlers handlers) : GallringService.GallringServiceBase
{
    public override async Task<ProtoRule> SetGallringRule(SetGallringRuleRequest request, ServerCallContext context) =>
        ToProto(await handlers.SetRuleAsync(context.GetAccessContext(), request.InsatsId, request.YearsAfterLastEnd, context.CancellationToken));

    public override async Task<ListGallringRulesResponse> ListGallringRules(ListGallringRulesRequest request, ServerCallContext context) =>
        new() { Rules = { (await handlers.ListRulesAsync(context.GetAccessContext(), context.CancellationToken)).Select(ToProto) } };

    public override async Task<ProtoRun> DryRunGallring(DryRunGallringRequest request, ServerCallContext context) =>
        ToProto(await handlers.DryRunAsync(context.GetAccessContext(), ProtoDates.ToDateOnly(request.AsOf, "as_of"), context.CancellationToken));

    public override async Task<ProtoRun> ExecuteGallring(ExecuteGallringRequest request, ServerCallContext context) =>
        ToProto(await handlers.ExecuteAsync(context.GetAccessContext(), request.DryRunId, context.CancellationToken));

    private static ProtoRule ToProto(Application.Gallring.GallringRule rule) => new()
    {
        InsatsId = rule.InsatsId,
        YearsAfterLastEnd = rule.YearsAfterLastEnd,
        SetBy = rule.SetBy,
        SetAt = Timestamp.FromDateTime(rule.SetAt),
    };

    private static ProtoRun ToProto(Application.Gallring.GallringRun run) => new()
    {
        RunId = run.Id,
        AsOf = ProtoDates.ToProto(run.AsOf),
        Candidates =
        {
            run.Candidates.Select(c => new Protos.Participants.V1.GallringCandidate
            {
                ParticipantId = c.ParticipantId,
                LastEnd = ProtoDates.ToProto(c.LastEnd),
                DueOn = ProtoDates.ToProto(c.DueOn),
                Insatser = { c.Insatser },
            }),
        },
        ExecutedAt = run.ExecutedAt is { } at ? Timestamp.FromDateTime(at) : null,
        Removed = { run.Removed },
    };
}
