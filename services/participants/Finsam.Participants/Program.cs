using Finsam.Participants.Api;
using Finsam.Participants.Infrastructure;
using Finsam.Platform.Hosting;
using Finsam.Platform.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddFinsamService(ParticipantsServiceCollectionExtensions.ServiceName);
builder.AddFinsamAuthentication();
builder.Services.AddParticipants(builder.Configuration);

var app = builder.Build();
app.UseFinsamServiceDefaults();
app.MapGrpcService<ParticipantsGrpcService>();
app.MapGrpcService<GallringGrpcService>();
app.MapGrpcService<SurveysGrpcService>();
app.MapGrpcService<ReferralsGrpcService>();
app.MapGrpcService<EnrolmentsGrpcService>();
app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
