namespace Finsam.IntegrationEvents.Participants.V1;

/// <summary>
/// The closed lists of the domain as stable codes, shared by the API, the events and reporting. The codes
/// are ASCII (no å, ä, ö) so they survive every system; <see cref="Label"/> gives the Swedish word users see.
/// </summary>
public static class ParticipantCodes
{
    /// <summary>Försörjning: how the person supports themselves (multi-valued at start and at end).</summary>
    public static readonly IReadOnlyDictionary<string, string> Forsorjning = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["forsorjningsstod"] = "Försörjningsstöd",
        ["sjukpenning"] = "Sjukpenning",
        ["rehabiliteringspenning"] = "Rehabiliteringspenning",
        ["a-kassa"] = "A-kassa",
        ["sjukersattning"] = "Sjukersättning",
        ["aktivitetsersattning"] = "Aktivitetsersättning",
        ["aktivitetsstod"] = "Aktivitetsstöd",
        ["etableringsersattning"] = "Etableringsersättning",
        ["lon"] = "Lön",
        ["ingen-ersattning"] = "Ingen ersättning",
        ["annat"] = "Annat",
    };

    /// <summary>Sysselsättning: what the person does, at start and at end (single-valued).</summary>
    public static readonly IReadOnlyDictionary<string, string> Sysselsattning = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ej-subventionerat-arbete"] = "Ej subventionerat arbete",
        ["subventionerat-arbete"] = "Subventionerat arbete (t.ex. lönebidrag)",
        ["studier"] = "Studier",
        ["praktik-arbetstraning"] = "Praktik / arbetsträning",
        ["aktivt-arbetssokande"] = "Aktivt arbetssökande",
        ["arbetslos"] = "Arbetslös",
        ["sjukskriven"] = "Sjukskriven",
        ["ovrigt"] = "Övrigt",
    };

    public static readonly IReadOnlyDictionary<string, string> EducationLevels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["grundskola"] = "Grundskola",
        ["gymnasium"] = "Gymnasium",
        ["eftergymnasial-under-3-ar"] = "Eftergymnasial, kortare än 3 år",
        ["hogskola"] = "Högskola",
        ["annan"] = "Annan",
        ["okand"] = "Okänd",
    };

    /// <summary>Avslutsorsaker (multi-valued).</summary>
    public static readonly IReadOnlyDictionary<string, string> EndReasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["arbete-heltid"] = "Arbete, heltid",
        ["arbete-deltid"] = "Arbete, deltid",
        ["studier"] = "Studier",
        ["aktivt-arbetssokande"] = "Aktivt arbetssökande",
        ["arbetslivsinriktad-rehabilitering"] = "Arbetsträning / fortsatt arbetslivsinriktad rehabilitering",
        ["medicinsk-rehabilitering"] = "Fortsatt medicinsk rehabilitering",
        ["sjukdom"] = "Sjukdom",
        ["sjukersattning"] = "Sjukersättning",
        ["foraldraledighet"] = "Föräldraledighet",
        ["flytt"] = "Flytt",
        ["medgivande-aterataget"] = "Medgivande återtaget",
        ["utan-matning"] = "Utan mätning",
        ["ovrigt"] = "Övrigt",
    };

    /// <summary>
    /// Five-year age bands. Every band an insats reports by (≤29 / 30–44 / 45–59 / ≥60, 15–29 / 30–44 / 45–64 …)
    /// is a union of these, so anonymous enrolments, which carry only a band, still fit every report.
    /// </summary>
    public static readonly IReadOnlyList<string> AgeBands =
        ["15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64", "65+"];

    public static string AgeBandOf(int age) => age switch
    {
        < 20 => "15-19",
        >= 65 => "65+",
        _ => $"{age / 5 * 5}-{age / 5 * 5 + 4}",
    };
}
