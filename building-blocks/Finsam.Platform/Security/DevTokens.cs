using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Finsam.Platform.Security;

/// <summary>
/// Mints tokens signed with the configured key: for tests and local use (`./finsam token`), standing in
/// for the identity provider and the agencies' client-credential flow of a real installation.
/// </summary>
public static class DevTokens
{
    public static string Mint(
        AuthOptions options,
        string subject,
        string role,
        string? agency = null,
        IEnumerable<string>? insatser = null,
        TimeSpan? lifetime = null,
        DateTime? now = null)
    {
        var issuedAt = now ?? DateTime.UtcNow;
        var claims = new List<Claim> { new(FinsamClaims.Subject, subject), new(FinsamClaims.Role, role) };
        if (agency is not null)
        {
            claims.Add(new Claim(FinsamClaims.Agency, agency));
        }

        claims.AddRange((insatser ?? []).Select(id => new Claim(FinsamClaims.Insats, id)));
        var expires = issuedAt + (lifetime ?? TimeSpan.FromHours(8));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt < expires ? issuedAt : expires,
            Expires = expires,
            SigningCredentials = new SigningCredentials(SigningKeys.Decode(options.SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
