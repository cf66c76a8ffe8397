using Finsam.Platform.Correlation;
using Finsam.Platform.Logging;
using Serilog;

namespace Finsam.Gateway;

public static class GatewayExtensions
{
    public static WebApplicationBuilder AddFinsamGateway(this WebApplicationBuilder builder)
    {
        builder.AddFinsamLogging("gateway");
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.Services.AddSingleton<DownstreamHealth>();
        return builder;
    }

    /// <summary>
    /// The request pipeline, in order: correlation id, request log, [authentication and authorization:
    /// the Gateway security issue adds UseAuthentication/UseAuthorization here, before any route], health,
    /// the proxy, and a JSON 404 for everything no route claims (rather than a 502 from a guessed backend).
    /// </summary>
    public static WebApplication UseFinsamGateway(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseSerilogRequestLogging();

        app.MapGet("/healthz", async (DownstreamHealth health, CancellationToken cancellationToken) =>
        {
            var services = await health.CheckAllAsync(cancellationToken);
            var healthy = services.Values.All(s => s == "SERVING");
            return Results.Json(
                new { status = healthy ? "SERVING" : "DEGRADED", services },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });

        app.MapReverseProxy();

        app.MapFallback(() => Results.Json(
            new { code = 5, message = "Adressen finns inte." },
            statusCode: StatusCodes.Status404NotFound));
        return app;
    }
}
