using Finsam.Participants.Domain;
using Finsam.Platform.Security;

namespace Finsam.Participants.Application.Access;

/// <summary>
/// Who asks and why: the token's caller and the purpose (why-code) the access log records. Callers state
/// the purpose in the x-finsam-purpose header; without one, "handlaggning" is assumed.
/// </summary>
public sealed record AccessContext(Caller Caller, string Purpose)
{
    public Actor Actor => new(Caller.Subject, Caller.Role, Caller.Agency);
}

/// <summary>The why-codes of the access log.</summary>
public static class AccessPurposes
{
    public const string HeaderName = "x-finsam-purpose";

    /// <summary>Handläggning: work with the person's case or stay.</summary>
    public const string Handlaggning = "handlaggning";

    public const string Uppfoljning = "uppfoljning";

    /// <summary>Registerutdrag: producing the person's own extract.</summary>
    public const string Registerutdrag = "registerutdrag";

    public const string Gallring = "gallring";

    /// <summary>Tillsyn / logguppföljning: reviewing the logs.</summary>
    public const string Tillsyn = "tillsyn";

    public const string Support = "support";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Handlaggning, Uppfoljning, Registerutdrag, Gallring, Tillsyn, Support,
    };
}
