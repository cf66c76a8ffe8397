using Finsam.Activities.Application;
using Finsam.Protos.Activities.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using DomainKind = Finsam.Activities.Domain.InsatsKind;
using ProtoInsats = Finsam.Protos.Activities.V1.Insats;
using ProtoKind = Finsam.Protos.Activities.V1.InsatsKind;

namespace Finsam.Activities.Api;

/// <summary>finsam.activities.v1.ActivitiesService: gRPC, and REST through JSON transcoding.</summary>
public sealed class ActivitiesGrpcService(CatalogueHandlers catalogue) : ActivitiesService.ActivitiesServiceBase
{
    public override async Task<ProtoInsats> DefineInsats(DefineInsatsRequest request, ServerCallContext context) =>
        ToProto(await catalogue.DefineAsync(
            new DefineInsatsCommand(request.RequestId, request.Name, ToDomain(request.Kind), request.BudgetedPlaces, request.PlanDeadlineDays),
            context.CancellationToken));

    public override async Task<ProtoInsats> GetInsats(GetInsatsRequest request, ServerCallContext context) =>
        ToProto(await catalogue.GetAsync(request.InsatsId, context.CancellationToken));

    public override async Task<ListInsatserResponse> ListInsatser(ListInsatserRequest request, ServerCallContext context)
    {
        var (page, next) = await catalogue.ListAsync(request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListInsatserResponse { NextPageToken = next ?? "" };
        response.Insatser.AddRange(page.Select(ToProto));
        return response;
    }

    private static DomainKind? ToDomain(ProtoKind kind) => kind switch
    {
        ProtoKind.Individual => DomainKind.Individual,
        ProtoKind.GroupCourse => DomainKind.GroupCourse,
        ProtoKind.Structural => DomainKind.Structural,
        ProtoKind.CountOnly => DomainKind.CountOnly,
        _ => null,
    };

    private static ProtoInsats ToProto(Domain.Insats insats) => new()
    {
        InsatsId = insats.Id,
        Name = insats.Name,
        Kind = insats.Kind switch
        {
            DomainKind.Individual => ProtoKind.Individual,
            DomainKind.GroupCourse => ProtoKind.GroupCourse,
            DomainKind.Structural => ProtoKind.Structural,
            _ => ProtoKind.CountOnly,
        },
        BudgetedPlaces = insats.BudgetedPlaces,
        PlanDeadlineDays = insats.PlanDeadlineDays,
        DefinedAt = Timestamp.FromDateTime(insats.DefinedAt),
    };
}
