using Finsam.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddFinsamGateway();

var app = builder.Build();
app.UseFinsamGateway();
app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
