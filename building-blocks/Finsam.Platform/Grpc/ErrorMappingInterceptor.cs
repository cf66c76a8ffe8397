using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Finsam.Platform.Grpc;

/// <summary>
/// Turns application failures into canonical gRPC statuses with google.rpc details, which JSON
/// transcoding maps to HTTP (INVALID_ARGUMENT → 400 with the field violations). Anything unexpected
/// becomes INTERNAL with a plain message: no stack trace or internal name reaches the caller.
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public const string ErrorDomain = "finsam";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (ValidationFailedException ex)
        {
            throw ToStatus(ex).ToRpcException();
        }
        catch (DomainErrorException ex)
        {
            throw ToStatus(ex).ToRpcException();
        }
        catch (UnauthenticatedException ex)
        {
            throw new RpcException(new global::Grpc.Core.Status(StatusCode.Unauthenticated, ex.Message));
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new global::Grpc.Core.Status(StatusCode.Cancelled, "Anropet avbröts."));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unhandled error in {Method}", context.Method);
            throw new Google.Rpc.Status
            {
                Code = (int)Code.Internal,
                Message = "Ett oväntat fel inträffade. Ange korrelations-id vid kontakt med support.",
            }.ToRpcException();
        }
    }

    public static Google.Rpc.Status ToStatus(ValidationFailedException ex)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(ex.Violations.Select(v => new BadRequest.Types.FieldViolation
        {
            Field = v.Field,
            Description = v.Description,
        }));
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = ex.Message,
            Details = { Any.Pack(badRequest) },
        };
    }

    public static Google.Rpc.Status ToStatus(DomainErrorException ex)
    {
        var code = ex switch
        {
            AlreadyExistsException => Code.AlreadyExists,
            NotFoundException => Code.NotFound,
            ConcurrencyConflictException => Code.Aborted,
            PreconditionFailedException => Code.FailedPrecondition,
            PermissionDeniedException => Code.PermissionDenied,
            ServiceUnavailableException => Code.Unavailable,
            _ => Code.Internal,
        };
        return new Google.Rpc.Status
        {
            Code = (int)code,
            Message = ex.Message,
            Details = { Any.Pack(new ErrorInfo { Reason = ex.Reason, Domain = ErrorDomain }) },
        };
    }
}
