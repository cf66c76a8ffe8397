namespace Finsam.IntegrationEvents.Participants.V1;

/// <summary>
/// Why an insats declines a referral, as stable codes (the API's DeclineReferral.reason and
/// <see cref="ReferralDeclined.Reason"/>). A closed list rather than free text, so the event can be counted
/// by reporting and can never carry what a handläggare wrote about the person; a free-text note stays in
/// the participants service.
/// </summary>
public static class ReferralDeclineReasons
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["utanfor-malgrupp"] = "Tillhör inte insatsens målgrupp",
        ["annan-insats"] = "Behovet möts bättre i en annan insats",
        ["tackar-nej"] = "Personen tackar nej",
        ["ej-nadd"] = "Personen har inte gått att nå",
        ["ofullstandig-remiss"] = "Remissen är ofullständig",
        ["ovrigt"] = "Övrigt",
    };

    public static bool IsKnown(string? code) => code is not null && All.ContainsKey(code);
}
