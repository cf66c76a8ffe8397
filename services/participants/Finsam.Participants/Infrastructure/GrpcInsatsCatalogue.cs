using Finsam.Participants.Application.Catalogue;
using Finsam.Platform.Errors;
using Finsam.Protos.Activities.V1;
using Grpc.Core;

namespace Finsam.Participants.Infrastructure;

/// <summary>
/// Asks the activities service's catalogue (finsam.activities.v1.GetInsats) over gRPC, on behalf of the caller:
/// the caller's bearer token goes along, so activities checks the same person (defence in depth, and no
/// service-wide key that could read the catalogue for anyone).
/// </summary>
public sealed class GrpcInsatsCatalogue(
    ActivitiesService.ActivitiesServiceClient client,
    IHttpContextAccessor httpContext,
    ILogger<GrpcInsatsCatalogue> logger) : IInsatsCatalogue
{
    public const string ReasonUnavailable = "CATALOGUE_UNAVAILABLE";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public async Task<InsatsInfo?> GetAsync(string insatsId, CancellationToken cancellationToken)
    {
        try
        {
            var insats = await client.GetInsatsAsync(
                new GetInsatsRequest { InsatsId = insatsId },
                new CallOptions(headers: CallerAuthorization(), deadline: DateTime.UtcNow + Deadline, cancellationToken: cancellationToken)
                    // Wait (within the deadline) for a connection being re-established rather than fail at once.
                    .WithWaitForReady());
            return new InsatsInfo(
                insats.InsatsId,
                insats.Name,
                insats.Kind switch
                {
                    InsatsKind.Individual => "individual",
                    InsatsKind.GroupCourse => "group-course",
                    InsatsKind.Structural => "structural",
                    _ => "count-only",
                },
                insats.BudgetedPlaces,
                insats.PlanDeadlineDays > 0 ? insats.PlanDeadlineDays : null);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (RpcException ex)
        {
            // Whatever else went wrong on the way (down, slow, refused, overloaded) is the catalogue being
            // unavailable to us, not a fault in this request: UNAVAILABLE, so callers retry, never INTERNAL.
            logger.LogWarning(ex, "The insats catalogue answered {StatusCode} for insats {InsatsId}", ex.StatusCode, insatsId);
            throw new ServiceUnavailableException(ReasonUnavailable, "Insatskatalogen kan inte nås just nu. Försök igen om en stund.");
        }
    }

    private Metadata? CallerAuthorization()
    {
        var authorization = httpContext.HttpContext?.Request.Headers.Authorization.ToString();
        return string.IsNullOrEmpty(authorization) ? null : new Metadata { { "authorization", authorization } };
    }
}
