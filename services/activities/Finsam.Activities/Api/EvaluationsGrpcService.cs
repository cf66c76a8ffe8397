using Finsam.Activities.Application.Evaluations;
using Finsam.Platform.Security;
using Finsam.Protos.Activities.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ProtoSummary = Finsam.Protos.Activities.V1.EvaluationSummary;

namespace Finsam.Activities.Api;

/// <summary>finsam.activities.v1.EvaluationsService: gRPC, and REST through JSON transcoding.</summary>
[Authorize]
public sealed class EvaluationsGrpcService(SubmitEvaluationHandler submit, GetEvaluationSummaryHandler summary) : EvaluationsService.EvaluationsServiceBase
{
    public override async Task<SubmitEvaluationResponse> SubmitEvaluation(SubmitEvaluationRequest request, ServerCallContext context)
    {
        var result = await submit.HandleAsync(
            context.GetCaller(), new SubmitEvaluationCommand(request.GroupId, request.RequestId, request.Ratings.ToList()), context.CancellationToken);
        return new SubmitEvaluationResponse { GroupId = result.GroupId, Answers = result.Answers };
    }

    public override async Task<ProtoSummary> GetEvaluationSummary(GetEvaluationSummaryRequest request, ServerCallContext context)
    {
        var result = await summary.HandleAsync(context.GetCaller(), request.GroupId, context.CancellationToken);
        return new ProtoSummary
        {
            GroupId = result.GroupId,
            Answers = result.Answers,
            Statements =
            {
                result.Statements.Select(s => new StatementMean
                {
                    Number = s.Number,
                    Statement = s.Statement,
                    N = s.N,
                    Mean = s.Mean,
                    Distribution = { s.Distribution },
                }),
            },
        };
    }
}
