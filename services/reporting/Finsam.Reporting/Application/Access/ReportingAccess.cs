using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.Reporting.Application.Access;

/// <summary>Which figures a report shows: exact, or with small numbers suppressed (as published).</summary>
public enum ReportViewKind
{
    Exact,
    Protected,
}

/// <summary>
/// Who may see which reports, in one place (docs/security.md has the table). Reporting holds no personal data, but
/// small counts about a handful of people in a small municipality can still identify someone, so the exact view is
/// for those who answer for the figures: förbundschef (everything) and insatsansvarig (their own insatser).
/// </summary>
public static class ReportingAccess
{
    public const string ReasonRoleNotAllowed = "ROLE_NOT_ALLOWED";
    public const string ReasonNotOwnInsats = "NOT_OWN_INSATS";
    public const string ReasonExactNotAllowed = "EXACT_VIEW_NOT_ALLOWED";

    /// <summary>
    /// The view a caller gets for a report of <paramref name="insatsId"/> (null: the förbund). Asking for nothing gives
    /// the most the caller may see; asking for the exact view without the right is refused, not quietly downgraded.
    /// </summary>
    public static ReportViewKind ResolveView(Caller caller, string? insatsId, ReportViewKind? requested)
    {
        RequireReportReader(caller);
        if (caller.Role is Roles.Insatsansvarig or Roles.Samordnare or Roles.Deltagaransvarig)
        {
            RequireOwnInsats(caller, insatsId);
        }

        var mayExact = caller.Role is Roles.Forbundschef or Roles.Insatsansvarig;

        if (requested == ReportViewKind.Exact && !mayExact)
        {
            throw Denied(ReasonExactNotAllowed, "Exakta siffror visas bara för förbundschef och insatsens insatsansvarig; begär den skyddade vyn.");
        }

        return requested ?? (mayExact ? ReportViewKind.Exact : ReportViewKind.Protected);
    }

    /// <summary>Freezing an approved report: förbundschef.</summary>
    public static void RequireFreezer(Caller caller)
    {
        if (caller.Role != Roles.Forbundschef)
        {
            throw Denied(ReasonRoleNotAllowed, "Bara förbundschefen fastställer (fryser) en rapport.");
        }
    }

    /// <summary>Listing reports (frozen ones): a role that may read some report; each is then shown only if the caller may read it.</summary>
    public static void RequireReportReader(Caller caller)
    {
        if (caller.Role is not (Roles.Forbundschef or Roles.Analytiker or Roles.Ledning or Roles.Insatsansvarig or Roles.Samordnare or Roles.Deltagaransvarig))
        {
            throw Denied(ReasonRoleNotAllowed, "Rapporterna visas för förbundschef, analytiker, ledning och de som arbetar i insatsen.");
        }
    }

    /// <summary>Anonymised participant rows: individual-level (though unidentified) data, for förbundschef only.</summary>
    public static void RequireRowsExporter(Caller caller)
    {
        if (caller.Role != Roles.Forbundschef)
        {
            throw Denied(ReasonRoleNotAllowed, "Bara förbundschefen exporterar deltagarrader.");
        }
    }

    /// <summary>The export log: förbundschef, and administratör, who reviews the logs.</summary>
    public static void RequireExportLogReader(Caller caller)
    {
        if (caller.Role is not (Roles.Forbundschef or Roles.Administrator))
        {
            throw Denied(ReasonRoleNotAllowed, "Exportloggen visas för förbundschef och administratör.");
        }
    }

    /// <summary>Rebuilding the read models: administratör.</summary>
    public static void RequireAdministrator(Caller caller)
    {
        if (caller.Role != Roles.Administrator)
        {
            throw Denied(ReasonRoleNotAllowed, "Bara administratör får bygga om läsmodellerna.");
        }
    }

    /// <summary>The report must be of one of the caller's own insatser; a förbund report or another insats is refused.</summary>
    private static void RequireOwnInsats(Caller caller, string? insatsId)
    {
        if (insatsId is null)
        {
            throw Denied(ReasonNotOwnInsats, "Förbundets samlade rapport visas för förbundschef, analytiker och ledning; ange en av dina insatser.");
        }

        if (!caller.WorksIn(insatsId))
        {
            throw Denied(ReasonNotOwnInsats, "Du arbetar inte i den här insatsen.");
        }
    }

    private static PermissionDeniedException Denied(string reason, string message) => new(reason, message);
}
