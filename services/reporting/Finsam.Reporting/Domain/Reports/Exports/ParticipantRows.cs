using System.Globalization;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Reports.Exports;

/// <summary>
/// The anonymised participant rows: one row per enrolment active in the period, with the facts SUS took, and nothing
/// that identifies anyone — no participant or enrolment id, no birth year (the five-year band only), and months
/// instead of days. Anonymous enrolments are left out, as from all individual-level statistics. The columns are a
/// published format (docs/reporting-exports.md): add new ones at the end, never rename or reorder.
/// </summary>
public static class ParticipantRows
{
    /// <summary>Column names, in order. Version 1.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "insats_id",
        "kon",
        "aldersgrupp",
        "utbildning",
        "ar_i_offentlig_forsorjning",
        "forsorjning_vid_start",
        "sysselsattning_vid_start",
        "remitterande_aktor",
        "startmanad",
        "slutmanad",
        "dagar_i_insats",
        "avslutsorsaker",
        "sysselsattning_vid_avslut",
        "forsorjning_vid_avslut",
    ];

    public const string FormatVersion = "1";

    /// <summary>
    /// The rows of <paramref name="insatsId"/> (null: every insats), sorted by their content so the order says nothing
    /// about when anyone was registered. Multi-valued facts are codes joined by "|"; an unknown value is empty.
    /// </summary>
    /// <param name="genderOf">The person's gender as it now stands (corrections), or null to use the stay's.</param>
    public static IReadOnlyList<IReadOnlyList<string>> For(IEnumerable<Stay> stays, string? insatsId, ReportPeriod period, Func<string?, string?> genderOf)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var stay in stays)
        {
            if (stay.IsParked || stay.Anonymous || (insatsId is not null && !string.Equals(stay.InsatsId, insatsId, StringComparison.Ordinal)))
            {
                continue;
            }

            var start = stay.StartDate!.Value;
            var end = stay.EndDate;
            if (start > period.To || end < period.From)
            {
                continue;
            }

            var facts = stay.Start!;
            var ending = stay.End;
            rows.Add(
            [
                stay.InsatsId ?? "",
                genderOf(stay.ParticipantId) ?? stay.Gender ?? "",
                stay.AgeBand ?? "",
                facts.EducationLevel ?? "",
                facts.YearsInSupport?.ToString(CultureInfo.InvariantCulture) ?? "",
                string.Join('|', facts.ForsorjningAtStart),
                facts.SysselsattningAtStart ?? "",
                stay.Identity?.ReferringAgency ?? "",
                start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                end?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "",
                end is { } e ? (e.DayNumber - start.DayNumber).ToString(CultureInfo.InvariantCulture) : "",
                ending is null ? "" : string.Join('|', ending.Reasons),
                ending?.SysselsattningAtEnd ?? "",
                ending is null ? "" : string.Join('|', ending.ForsorjningAtEnd),
            ]);
        }

        rows.Sort(static (a, b) =>
        {
            for (var i = 0; i < a.Count; i++)
            {
                var byColumn = string.CompareOrdinal(a[i], b[i]);
                if (byColumn != 0)
                {
                    return byColumn;
                }
            }

            return 0;
        });
        return rows;
    }
}
