using Finsam.Activities.Api;
using Finsam.Activities.Infrastructure;
using Finsam.Platform.Hosting;
using Finsam.Platform.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddFinsamService(ActivitiesServiceCollectionExtensions.ServiceName);
builder.AddFinsamAuthentication();
builder.Services.AddActivities(builder.Configuration);

var app = builder.Build();
app.UseFinsamServiceDefaults();
app.MapGrpcService<ActivitiesGrpcService>();
app.MapGrpcService<CourseFormatsGrpcService>();
app.MapGrpcService<LeadersGrpcService>();
app.MapGrpcService<EvaluationsGrpcService>();
app.MapGrpcService<BookingsGrpcService>();
app.MapGrpcService<AttendanceGrpcService>();
app.MapGrpcService<GroupsGrpcService>();
app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
