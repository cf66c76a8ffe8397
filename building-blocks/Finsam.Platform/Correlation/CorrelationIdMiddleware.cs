using Microsoft.AspNetCore.Http;
using Serilog.Context;

namespace Finsam.Platform.Correlation;

/// <summary>
/// Reads X-Correlation-ID from the request (REST and gRPC alike: gRPC metadata are HTTP/2 headers),
/// makes a new one when absent or malformed, echoes it on the response and puts it on every log line.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationContext.HeaderName].ToString();
        var id = CorrelationContext.IsValid(incoming) ? incoming : CorrelationContext.NewId();
        context.Request.Headers[CorrelationContext.HeaderName] = id;
        // Set when the response starts, replacing any copy a proxied service sent back: one header, one value.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationContext.HeaderName] = id;
            return Task.CompletedTask;
        });
        CorrelationContext.Current = id;
        using (LogContext.PushProperty(CorrelationContext.LogProperty, id))
        {
            await next(context);
        }
    }
}
