using System.Net;
using Finsam.Platform.Security;
using Finsam.Protos.Activities.V1;
using Grpc.Core;
using Grpc.Net.Client;
using static Finsam.EndToEndTests.RestJson;

namespace Finsam.EndToEndTests;

/// <summary>
/// The activities service asks who is calling, as participants does: no token or an expired one is refused as
/// unauthenticated through the gateway and also when the service is called directly (defence in depth); a signed-in
/// caller whose role may not do something gets 403 with the reason.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ActivitiesAccessTests(FinsamSystem system)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_valid_token_the_catalogue_and_the_groups_are_closed()
    {
        using var anonymous = new HttpClient { BaseAddress = system.Rest.BaseAddress };
        using var expired = system.RestAs(system.Token(Roles.Administrator, lifetime: TimeSpan.FromMinutes(1), now: DateTime.UtcNow.AddHours(-1)));

        foreach (var client in new[] { anonymous, expired })
        {
            using var catalogue = await client.GetAsync("/v1/activities/insatser", Ct);
            using var formats = await client.GetAsync("/v1/activities/course-formats", Ct);
            using var group = await client.GetAsync($"/v1/activities/groups/{Guid.NewGuid()}/roster", Ct);
            Assert.Equal(
                [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
                new[] { catalogue.StatusCode, formats.StatusCode, group.StatusCode });
        }
    }

    [Fact]
    public async Task Called_directly_past_the_gateway_the_service_still_refuses_without_a_token()
    {
        using var direct = GrpcChannel.ForAddress($"http://127.0.0.1:{system.ServicePort("activities")}");

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new ActivitiesService.ActivitiesServiceClient(direct)
            .ListInsatserAsync(new ListInsatserRequest(), deadline: DateTime.UtcNow.AddSeconds(20), cancellationToken: Ct));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task A_role_that_may_not_is_refused_with_the_reason()
    {
        using var leader = system.RestAs(system.Token(Roles.Gruppledare));
        var refused = await leader.SendErrorAsync(HttpMethod.Post, "/v1/activities/insatser", new
        {
            requestId = Guid.NewGuid(), name = $"Ledarens egen insats {Guid.NewGuid():N}", kind = "INSATS_KIND_GROUP_COURSE", budgetedPlaces = 5,
        }, HttpStatusCode.Forbidden);
        Assert.Equal("ROLE_NOT_ALLOWED", Reason(refused));

        using var analyst = system.RestAs(system.Token(Roles.Analytiker));
        var registry = await analyst.SendErrorAsync(HttpMethod.Get, "/v1/activities/leaders", null, HttpStatusCode.Forbidden);
        Assert.Equal("ROLE_NOT_ALLOWED", Reason(registry));
    }
}
