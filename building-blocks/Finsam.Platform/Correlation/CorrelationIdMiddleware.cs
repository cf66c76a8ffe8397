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
        context.Response.Headers[CorrelationContext.HeaderName] = id;
        CorrelationContext.Current = id;
        using (LogContext.PushProperty(CorrelationContext.LogProperty, id))
        {
            await next(context);
        }
    }
}
