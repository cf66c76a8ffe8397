using System.Security.Claims;
using Finsam.Participants.Api;
using Finsam.Participants.Application.Access;
using Finsam.Platform.Errors;
using Finsam.Platform.Grpc;
using Finsam.Platform.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Finsam.UnitTests.Participants.Access;

/// <summary>
/// How a call becomes an <see cref="AccessContext"/>: the caller from the validated token's claims, the
/// purpose (why-code) from the x-finsam-purpose header; a caller the token doesn't establish is UNAUTHENTICATED.
/// </summary>
public sealed class AccessContextFromCallTests
{
    private static ClaimsPrincipal Principal(string? subject, string? role, string? agency = null, params string[] insatser)
    {
        var claims = new List<Claim>();
        if (subject is not null)
        {
            claims.Add(new Claim(FinsamClaims.Subject, subject));
        }

        if (role is not null)
        {
            claims.Add(new Claim(FinsamClaims.Role, role));
        }

        if (agency is not null)
        {
            claims.Add(new Claim(FinsamClaims.Agency, agency));
        }

        claims.AddRange(insatser.Select(i => new Claim(FinsamClaims.Insats, i)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer"));
    }

    private static CallWithUser Call(ClaimsPrincipal user, string? purpose = null)
    {
        var call = new CallWithUser(user);
        if (purpose is not null)
        {
            call.RequestHeaders.Add(AccessPurposes.HeaderName, purpose);
        }

        return call;
    }

    [Fact]
    public void Without_a_purpose_header_handlaggning_is_assumed()
    {
        var context = Call(Principal("s-1", Roles.Samordnare)).GetAccessContext();

        Assert.Equal(AccessPurposes.Handlaggning, context.Purpose);
    }

    [Theory]
    [InlineData("handlaggning")]
    [InlineData("uppfoljning")]
    [InlineData("registerutdrag")]
    [InlineData("gallring")]
    [InlineData("tillsyn")]
    [InlineData("support")]
    public void Each_known_purpose_is_taken_as_given(string purpose)
    {
        Assert.Contains(purpose, AccessPurposes.All);

        Assert.Equal(purpose, Call(Principal("s-1", Roles.Samordnare), purpose).GetAccessContext().Purpose);
    }

    [Theory]
    [InlineData("nyfikenhet")]
    [InlineData("Handlaggning")] // codes, not words: exact spelling
    [InlineData("handläggning")]
    [InlineData(" support")]
    public void Unknown_purpose_is_a_violation_naming_the_header(string purpose)
    {
        var ex = Assert.Throws<ValidationFailedException>(() => Call(Principal("s-1", Roles.Samordnare), purpose).GetAccessContext());

        var violation = Assert.Single(ex.Violations);
        Assert.Equal("x-finsam-purpose", violation.Field);
        Assert.Contains("handlaggning", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_caller_comes_from_the_token_claims()
    {
        var context = Call(Principal("af-system", Roles.AgencySystem, Agencies.Arbetsformedlingen, "insats-1", "insats-2"), "uppfoljning").GetAccessContext();

        Assert.Equal(("af-system", Roles.AgencySystem, "af"), (context.Caller.Subject, context.Caller.Role, context.Caller.Agency));
        Assert.Equal(["insats-1", "insats-2"], context.Caller.Insatser.Order(StringComparer.Ordinal));
        Assert.Equal(new Finsam.Participants.Domain.Actor("af-system", Roles.AgencySystem, "af"), context.Actor);
    }

    [Fact]
    public void Unknown_agency_claim_counts_as_no_agency()
    {
        var context = Call(Principal("x-system", Roles.AgencySystem, "skatteverket")).GetAccessContext();

        Assert.Null(context.Caller.Agency);
    }

    [Theory]
    [InlineData("s-1", "superuser")]
    [InlineData("s-1", "ADMINISTRATOR")]
    [InlineData("s-1", null)]
    [InlineData(null, Roles.Administrator)]
    [InlineData("", Roles.Administrator)]
    public void Token_without_a_known_role_and_subject_is_unauthenticated(string? subject, string? role)
    {
        Assert.Throws<UnauthenticatedException>(() => Call(Principal(subject, role)).GetAccessContext());
    }

    [Fact]
    public void Unauthenticated_comes_before_judging_the_purpose()
    {
        Assert.Throws<UnauthenticatedException>(() => Call(Principal("s-1", "superuser"), "nyfikenhet").GetAccessContext());
    }

    [Fact]
    public async Task The_interceptor_answers_an_unknown_role_with_unauthenticated()
    {
        var interceptor = new ErrorMappingInterceptor(NullLogger<ErrorMappingInterceptor>.Instance);
        var call = Call(Principal("s-1", "superuser"));

        var rpc = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", call, (_, context) => Task.FromResult(context.GetAccessContext().Purpose)));

        Assert.Equal(StatusCode.Unauthenticated, rpc.StatusCode);
        Assert.DoesNotContain("superuser", rpc.Status.Detail, StringComparison.Ordinal);
    }

    /// <summary>A server call whose HttpContext carries the token's user, as ASP.NET Core's gRPC host provides it.</summary>
    private sealed class CallWithUser : ServerCallContext
    {
        public CallWithUser(ClaimsPrincipal user) => UserState["__HttpContext"] = new DefaultHttpContext { User = user };

        protected override string MethodCore => "/finsam.participants.v1.ParticipantsService/GetParticipant";

        protected override string HostCore => "localhost";

        protected override string PeerCore => "ipv4:127.0.0.1:1";

        protected override DateTime DeadlineCore => DateTime.MaxValue;

        protected override Metadata RequestHeadersCore { get; } = [];

        protected override CancellationToken CancellationTokenCore => CancellationToken.None;

        protected override Metadata ResponseTrailersCore { get; } = [];

        protected override Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore { get; } = new(null, []);

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
            throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
