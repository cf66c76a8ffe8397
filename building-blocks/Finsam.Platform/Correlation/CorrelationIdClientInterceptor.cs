using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Finsam.Platform.Correlation;

/// <summary>Adds the current correlation id to outgoing gRPC calls between services.</summary>
public sealed class CorrelationIdClientInterceptor : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var id = CorrelationContext.Current;
        if (id is null)
        {
            return continuation(request, context);
        }

        var headers = context.Options.Headers ?? [];
        if (headers.Get(CorrelationContext.HeaderName.ToLowerInvariant()) is null)
        {
            headers.Add(CorrelationContext.HeaderName.ToLowerInvariant(), id);
        }

        var options = context.Options.WithHeaders(headers);
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options));
    }
}
