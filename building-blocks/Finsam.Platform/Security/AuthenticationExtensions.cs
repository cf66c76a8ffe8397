using Grpc.Core;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Finsam.Platform.Security;

public static class AuthenticationExtensions
{
    /// <summary>
    /// JWT bearer validation with the key and issuer from configuration. A service that calls this refuses
    /// to start without a key, rather than run open.
    /// </summary>
    public static WebApplicationBuilder AddFinsamAuthentication(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var key = SigningKeys.Decode(options.SigningKey);
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = FinsamClaims.Subject,
                    RoleClaimType = FinsamClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        return builder;
    }

    /// <summary>The caller of a gRPC (or transcoded REST) call; the call has passed [Authorize].</summary>
    public static Caller GetCaller(this ServerCallContext context) => Caller.FromPrincipal(context.GetHttpContext().User);
}

public static class SigningKeys
{
    public static SymmetricSecurityKey Decode(string? base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64 ?? "");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Auth:SigningKey is not base64.");
        }

        if (bytes.Length < 32)
        {
            throw new InvalidOperationException(
                "Auth:SigningKey must be base64 of at least 32 bytes. `./finsam run` creates one; in production set it from a secret.");
        }

        return new SymmetricSecurityKey(bytes);
    }
}
