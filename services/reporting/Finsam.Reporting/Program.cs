using Finsam.Platform.Hosting;
using Finsam.Platform.Security;
using Finsam.Reporting.Api;
using Finsam.Reporting.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddFinsamService(ReportingServiceCollectionExtensions.ServiceName);
builder.AddFinsamAuthentication();
builder.Services.AddReporting(builder.Configuration);

var app = builder.Build();
app.UseFinsamServiceDefaults();
app.MapGrpcService<ReportingGrpcService>();
app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
