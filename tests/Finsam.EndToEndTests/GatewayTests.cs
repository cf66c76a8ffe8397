using System.Net;
using System.Net.Http.Json;
using Finsam.Protos.Participants.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Finsam.EndToEndTests;

[Collection(SystemCollection.Name)]
public sealed class GatewayTests(FinsamSystem system)
{
    [Fact]
    public async Task Healthz_reports_each_downstream_service()
    {
        var health = await system.GetJsonAsync<HealthJson>("/healthz");
        Assert.Equal("SERVING", health.Status);
        Assert.Equal(["activities", "participants", "reporting"], health.Services.Keys.Order());
        Assert.All(health.Services.Values, status => Assert.Equal("SERVING", status));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/v2/participants")]
    [InlineData("/v1/unknown")]
    [InlineData("/v1/participants/a/b/c")]
    [InlineData("/v1/reports/nothing-here")]
    public async Task Unknown_routes_are_404_not_502(string path)
    {
        using var response = await system.Rest.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_grpc_service_is_unimplemented()
    {
        var method = new Method<RegisterParticipantRequest, Participant>(
            MethodType.Unary, "finsam.nothing.v1.Nope", "Call", Marshallers.Create(r => r.ToByteArray(), RegisterParticipantRequest.Parser.ParseFrom),
            Marshallers.Create(p => p.ToByteArray(), Participant.Parser.ParseFrom));
        var invoker = system.Grpc.CreateCallInvoker();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await invoker.AsyncUnaryCall(method, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)), new RegisterParticipantRequest()));
        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    [Fact]
    public async Task Correlation_id_crosses_gateway_service_and_event_consumer()
    {
        var correlationId = $"e2e-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/participants")
        {
            Content = JsonContent.Create(new
            {
                personnummer = Testing.TestPersonnummer.Next(1999), givenName = "Eva", familyName = "Holm", gender = "GENDER_WOMAN",
            }),
        };
        request.Headers.Add("X-Correlation-ID", correlationId);

        using var response = await system.Rest.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        system.CountRegistration();
        Assert.Equal(correlationId, response.Headers.GetValues("X-Correlation-ID").Single());

        var timeout = TimeSpan.FromSeconds(30);
        Assert.True(await system.Gateway.WaitForOutputAsync(l => l.Contains(correlationId, StringComparison.Ordinal), timeout), "gateway log");
        Assert.True(await system.Participants.WaitForOutputAsync(l => l.Contains(correlationId, StringComparison.Ordinal) && l.Contains("Published", StringComparison.Ordinal), timeout), "participants published the event under the id");
        Assert.True(await system.Reporting.WaitForOutputAsync(l => l.Contains(correlationId, StringComparison.Ordinal) && l.Contains("handled", StringComparison.Ordinal), timeout), "reporting consumed the event under the id");
    }

    [Fact]
    public async Task Forged_correlation_id_is_replaced()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/reports/summary");
        request.Headers.TryAddWithoutValidation("X-Correlation-ID", "evil id <script>");
        using var response = await system.Rest.SendAsync(request, TestContext.Current.CancellationToken);
        var echoed = response.Headers.GetValues("X-Correlation-ID").Single();
        Assert.DoesNotContain("<script>", echoed, StringComparison.Ordinal);
        Assert.Matches("^[a-f0-9]{32}$", echoed);
    }
}
