using Finsam.Activities.Application.Catalogue;
using Finsam.Activities.Application.Counts;
using Finsam.Platform.Grpc;
using Finsam.Platform.Security;
using Finsam.Protos.Activities.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using DomainKind = Finsam.Activities.Domain.InsatsKind;
using DomainTargets = Finsam.Activities.Domain.OutcomeTargets;
using ProtoInsats = Finsam.Protos.Activities.V1.Insats;
using ProtoKind = Finsam.Protos.Activities.V1.InsatsKind;
using ProtoTargets = Finsam.Protos.Activities.V1.OutcomeTargets;

namespace Finsam.Activities.Api;

/// <summary>finsam.activities.v1.ActivitiesService: gRPC, and REST through JSON transcoding.</summary>
[Authorize]
public sealed class ActivitiesGrpcService(
    CatalogueHandlers catalogue,
    RegisterInsatsCountsHandler registerCounts,
    CorrectInsatsCountsHandler correctCounts,
    InsatsCountQueries countQueries) : ActivitiesService.ActivitiesServiceBase
{
    public override async Task<ProtoInsats> DefineInsats(DefineInsatsRequest request, ServerCallContext context) =>
        ToProto(await catalogue.DefineAsync(
            context.GetCaller(),
            new DefineInsatsCommand(request.RequestId, request.Name, ToDomain(request.Kind), request.BudgetedPlaces, request.PlanDeadlineDays)
            {
                FollowUpPlaces = request.FollowUpPlaces,
                TargetGroup = request.TargetGroup,
                OutcomeTargets = ToDomain(request.OutcomeTargets),
                StartDate = ProtoDates.ToDateOnly(request.StartDate, "start_date"),
                EndDate = ProtoDates.ToDateOnly(request.EndDate, "end_date"),
            },
            context.CancellationToken));

    public override async Task<ProtoInsats> ChangeInsats(ChangeInsatsRequest request, ServerCallContext context) =>
        ToProto(await catalogue.ChangeAsync(
            context.GetCaller(),
            new ChangeInsatsCommand(request.InsatsId, request.Etag, request.Name, request.BudgetedPlaces, request.PlanDeadlineDays)
            {
                FollowUpPlaces = request.FollowUpPlaces,
                TargetGroup = request.TargetGroup,
                OutcomeTargets = ToDomain(request.OutcomeTargets),
                StartDate = ProtoDates.ToDateOnly(request.StartDate, "start_date"),
                EndDate = ProtoDates.ToDateOnly(request.EndDate, "end_date"),
            },
            context.CancellationToken));

    public override async Task<ProtoInsats> GetInsats(GetInsatsRequest request, ServerCallContext context)
    {
        // Open to every signed-in caller; reading the caller still refuses a token that names no user or role.
        _ = context.GetCaller();
        return ToProto(await catalogue.GetAsync(request.InsatsId, context.CancellationToken));
    }

    public override async Task<ListInsatserResponse> ListInsatser(ListInsatserRequest request, ServerCallContext context)
    {
        _ = context.GetCaller();
        var (page, next) = await catalogue.ListAsync(request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListInsatserResponse { NextPageToken = next ?? "" };
        response.Insatser.AddRange(page.Select(ToProto));
        return response;
    }

    public override async Task<InsatsCountRegistration> RegisterInsatsCounts(RegisterInsatsCountsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var periodFrom = ProtoDates.ToDateOnly(request.PeriodFrom, "period_from");
        var periodTo = ProtoDates.ToDateOnly(request.PeriodTo, "period_to");
        return InsatsCountsMapping.ToProto(await registerCounts.HandleAsync(
            caller,
            new RegisterInsatsCountsCommand(request.InsatsId, request.RequestId, periodFrom, periodTo, request.Women, request.Men, request.Other),
            context.CancellationToken));
    }

    public override async Task<InsatsCountRegistration> CorrectInsatsCounts(CorrectInsatsCountsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var periodFrom = ProtoDates.ToDateOnly(request.PeriodFrom, "period_from");
        var periodTo = ProtoDates.ToDateOnly(request.PeriodTo, "period_to");
        return InsatsCountsMapping.ToProto(await correctCounts.HandleAsync(
            caller,
            new CorrectInsatsCountsCommand(
                request.InsatsId, request.RegistrationId, request.Etag, periodFrom, periodTo, request.Women, request.Men, request.Other, request.Reason),
            context.CancellationToken));
    }

    public override async Task<ListInsatsCountsResponse> ListInsatsCounts(ListInsatsCountsRequest request, ServerCallContext context)
    {
        var (page, next) = await countQueries.ListAsync(
            context.GetCaller(), request.InsatsId, request.Year, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListInsatsCountsResponse { NextPageToken = next ?? "" };
        response.Registrations.AddRange(page.Select(InsatsCountsMapping.ToProto));
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

    // Zero and unset both mean "no target" in the contract; the handler stores them as null.
    private static DomainTargets ToDomain(ProtoTargets? targets) => targets is null
        ? DomainTargets.None
        : new DomainTargets(targets.WorkOrStudiesPercent, targets.EnrolmentTarget, targets.GenderBalanceMinPercent);

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
        FollowUpPlaces = insats.FollowUpPlaces,
        TargetGroup = insats.TargetGroup,
        OutcomeTargets = new ProtoTargets
        {
            WorkOrStudiesPercent = insats.OutcomeTargets.WorkOrStudiesPercent ?? 0,
            EnrolmentTarget = insats.OutcomeTargets.EnrolmentTarget ?? 0,
            GenderBalanceMinPercent = insats.OutcomeTargets.GenderBalanceMinPercent ?? 0,
        },
        StartDate = ProtoDates.ToProto(insats.StartDate),
        EndDate = ProtoDates.ToProto(insats.EndDate),
        Etag = Platform.Errors.Etags.Of(insats.Version),
    };
}
