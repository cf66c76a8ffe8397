using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Finsam.Platform.Security;
using Finsam.Protos.Participants.V1;
using Finsam.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Finsam.EndToEndTests;

/// <summary>
/// Every participants call needs a valid token: none, an expired one, one signed with another key and one
/// whose role the system doesn't know are all refused as unauthenticated (401 / UNAUTHENTICATED) through the
/// gateway, and a refused call writes nothing.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AuthenticationTests(FinsamSystem system)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(20));

    public static TheoryData<string> BadTokens => ["expired", "other-key", "other-issuer", "unknown-role", "garbage"];

    private string BadToken(string kind) => kind switch
    {
        // Issued an hour ago for one minute: long past the 30 s clock skew the services allow.
        "expired" => system.Token(Roles.Samordnare, lifetime: TimeSpan.FromMinutes(1), now: DateTime.UtcNow.AddHours(-1)),
        "other-key" => DevTokens.Mint(new AuthOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }, "intruder", Roles.Administrator),
        "other-issuer" => DevTokens.Mint(new AuthOptions { SigningKey = system.Auth.SigningKey, Issuer = "someone-else" }, "intruder", Roles.Administrator),
        // Correctly signed and current, but the role is none of the domain's: Caller.FromPrincipal refuses it.
        "unknown-role" => system.Token("superuser"),
        "garbage" => "not.a.jwt",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Fact]
    public async Task Rest_call_without_a_token_is_401()
    {
        using var anonymous = new HttpClient { BaseAddress = system.Rest.BaseAddress };

        using var read = await anonymous.GetAsync($"/v1/participants/{Guid.NewGuid()}", Ct);
        using var search = await anonymous.PostAsJsonAsync("/v1/participants:search", new { personnummer = TestPersonnummer.Next() }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, search.StatusCode);
    }

    [Fact]
    public async Task Grpc_call_without_a_token_is_unauthenticated()
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{system.GatewayGrpcPort}");
        var client = new ParticipantsService.ParticipantsServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetParticipantAsync(new GetParticipantRequest { ParticipantId = Guid.NewGuid().ToString() }, Options));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Rest_call_with_a_bad_token_is_401(string kind)
    {
        using var client = system.RestAs(BadToken(kind));

        using var response = await client.GetAsync($"/v1/participants/{Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Grpc_call_with_a_bad_token_is_unauthenticated(string kind)
    {
        using var channel = system.GrpcAs(BadToken(kind));
        var client = new ParticipantsService.ParticipantsServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetParticipantAsync(new GetParticipantRequest { ParticipantId = Guid.NewGuid().ToString() }, Options));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Unknown_role_is_refused_before_the_purpose_header_is_judged()
    {
        // Who calls is settled before what they ask: a bad purpose from an unknown caller is still 401, not 400.
        using var client = system.RestAs(BadToken("unknown-role"), purpose: "nyfikenhet");

        using var response = await client.GetAsync($"/v1/participants/{Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Refused_registration_writes_nothing(string kind)
    {
        var personnummer = TestPersonnummer.Next(1977);
        var request = new { personnummer, givenName = "Obehörig", familyName = "Försök", gender = "GENDER_MAN" };
        using var intruder = system.RestAs(BadToken(kind));

        using var refused = await intruder.PostAsJsonAsync("/v1/participants", request, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // The number is still free for a caller who may register it.
        using var accepted = await system.Rest.PostAsJsonAsync("/v1/participants", request, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        system.CountRegistration();
    }
}
