using Finsam.Protos.Reporting.V1;
using Finsam.Reporting.Application.ReadModels;
using Finsam.Reporting.Domain.Persons;
using Grpc.Core;

namespace Finsam.Reporting.Api;

/// <summary>finsam.reporting.v1.ReportingService: gRPC, and REST through JSON transcoding.</summary>
public sealed class ReportingGrpcService(ReadModelProjector projector) : ReportingService.ReportingServiceBase
{
    public override async Task<Summary> GetSummary(GetSummaryRequest request, ServerCallContext context)
    {
        var summary = await projector.ReadAsync((model, _) => GenderSummary.Of(model.Persons.Entities), context.CancellationToken);
        return new Summary
        {
            RegisteredParticipants = summary.Total,
            Women = summary.Women,
            Men = summary.Men,
            Other = summary.Other,
        };
    }
}
