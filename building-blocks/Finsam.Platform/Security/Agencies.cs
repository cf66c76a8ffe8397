namespace Finsam.Platform.Security;

/// <summary>
/// The parties of a samordningsförbund that refer people and exchange information under consent,
/// as the "agency" claim and the APIs spell them.
/// </summary>
public static class Agencies
{
    public const string Forsakringskassan = "fk";

    public const string Arbetsformedlingen = "af";

    /// <summary>A kommun: socialtjänst (IFO), försörjningsstöd, arbetsmarknadsenhet.</summary>
    public const string Kommun = "kommun";

    /// <summary>The region: primärvård, psykiatri (vården).</summary>
    public const string Region = "region";

    public const string Annan = "annan";

    public static readonly IReadOnlyList<string> All = [Forsakringskassan, Arbetsformedlingen, Kommun, Region, Annan];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value);

    /// <summary>The Swedish name users see in messages.</summary>
    public static string DisplayName(string agency) => agency switch
    {
        Forsakringskassan => "Försäkringskassan",
        Arbetsformedlingen => "Arbetsförmedlingen",
        Kommun => "kommunen",
        Region => "regionen",
        _ => "annan aktör",
    };
}
