using System.Security.Claims;

namespace Finsam.Platform.Security;

/// <summary>
/// Who is calling, from the validated token: subject, role, the agency of an agency system and the
/// insatser a staff member works in. Handlers decide with it and the access log records it.
/// </summary>
public sealed record Caller(string Subject, string Role, string? Agency, IReadOnlySet<string> Insatser)
{
    public bool WorksIn(string insatsId) => Insatser.Contains(insatsId);

    public static Caller FromPrincipal(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirst(FinsamClaims.Subject)?.Value;
        var role = principal.FindFirst(FinsamClaims.Role)?.Value;
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(role) || !Roles.All.Contains(role))
        {
            // The authentication handler accepted the signature, but the token doesn't say who or what: refuse.
            throw new UnauthenticatedException("Token saknar giltig användare eller roll.");
        }

        var agency = principal.FindFirst(FinsamClaims.Agency)?.Value;
        var insatser = principal.FindAll(FinsamClaims.Insats).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(subject, role, Agencies.IsKnown(agency) ? agency : null, insatser);
    }
}

/// <summary>The claim names Finsam tokens carry (JWT short names, not mapped to WS-* URIs).</summary>
public static class FinsamClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Agency = "agency";
    public const string Insats = "insats";
}
