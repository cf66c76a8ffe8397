namespace Finsam.Platform.Security;

/// <summary>The roles of the domain, as the "role" claim spells them. docs/security.md says what each may do.</summary>
public static class Roles
{
    /// <summary>An agency's case system (FK, AF, a kommun, the region), calling with client credentials.</summary>
    public const string AgencySystem = "agency-system";

    public const string Gruppledare = "gruppledare";

    public const string Samordnare = "samordnare";

    public const string Deltagaransvarig = "deltagaransvarig";

    /// <summary>Responsible for an insats: its groups and figures, no personal data.</summary>
    public const string Insatsansvarig = "insatsansvarig";

    public const string Analytiker = "analytiker";

    public const string Ledning = "ledning";

    public const string Forbundschef = "forbundschef";

    public const string Administrator = "administrator";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        AgencySystem, Gruppledare, Samordnare, Deltagaransvarig, Insatsansvarig, Analytiker, Ledning, Forbundschef, Administrator,
    };

    /// <summary>Insats staff who work with participants' personal data in their own insatser.</summary>
    public static bool IsParticipantStaff(string role) => role is Samordnare or Deltagaransvarig;
}
