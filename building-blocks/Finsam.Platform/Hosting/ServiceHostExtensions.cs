using Finsam.Platform.Correlation;
using Finsam.Platform.Grpc;
using Finsam.Platform.Logging;
using Finsam.Platform.Storage;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace Finsam.Platform.Hosting;

/// <summary>The wiring every Finsam gRPC service shares, so each Program.cs stays a few lines.</summary>
public static class ServiceHostExtensions
{
    /// <summary>
    /// Logging, gRPC with JSON transcoding (google.api.http), reflection, grpc.health.v1 backed by the
    /// health checks (storage, bus), error mapping and the service's own store.
    /// </summary>
    public static WebApplicationBuilder AddFinsamService(this WebApplicationBuilder builder, string serviceName)
    {
        builder.AddFinsamLogging(serviceName);
        builder.Services
            .AddGrpc(options =>
            {
                options.Interceptors.Add<ErrorMappingInterceptor>();
                options.EnableDetailedErrors = false;
                // A request larger than this is refused with RESOURCE_EXHAUSTED before it reaches a handler.
                options.MaxReceiveMessageSize = 1024 * 1024;
            })
            .AddJsonTranscoding(options =>
            {
                // Without these, REST callers would get the status but not the field violations.
                options.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor);
            });
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorization();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddFinsamStorage(builder.Configuration, serviceName);
        return builder;
    }

    /// <summary>Correlation ids and request logs first, then health and reflection endpoints.</summary>
    public static WebApplication UseFinsamServiceDefaults(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseSerilogRequestLogging();
        // Services that call AddFinsamAuthentication get bearer validation here; [Authorize] enforces it.
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
