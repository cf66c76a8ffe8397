namespace Finsam.Platform.Security;

/// <summary>
/// Token validation settings (section "Auth"). The signing key is never in the repository: `./finsam run`
/// creates one per machine and hands it to the processes; production reads it from a secret.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public string Issuer { get; set; } = "finsam";

    public string Audience { get; set; } = "finsam";

    /// <summary>Base64 of at least 32 random bytes (HMAC-SHA256).</summary>
    public string SigningKey { get; set; } = "";
}
