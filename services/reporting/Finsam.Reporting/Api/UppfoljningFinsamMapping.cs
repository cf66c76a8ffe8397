using Finsam.Platform.Time;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Exports;
using P = Finsam.Protos.Reporting.V1;

namespace Finsam.Reporting.Api;

/// <summary>Uppföljning Finsam's counts as the proto shows them; hidden counts are absent and listed, as in the report.</summary>
public static class UppfoljningFinsamMapping
{
    public static P.UppfoljningFinsamCounts ToProto(UppfoljningFinsamCounts counts, bool isProtected)
    {
        var figures = new SuppressedFigures();
        var proto = new P.UppfoljningFinsamCounts
        {
            From = IsoDates.ToIso(counts.From),
            To = IsoDates.ToIso(counts.To),
            IndividualTotal = figures.Gender("individualTotal", counts.IndividualTotal),
            StructuralTotal = figures.Gender("structuralTotal", counts.StructuralTotal),
        };
        foreach (var row in counts.Insatser)
        {
            proto.Insatser.Add(new P.UppfoljningFinsamRow
            {
                InsatsId = row.InsatsId,
                Name = row.Name,
                Kind = row.Kind,
                Individual = row.Individual,
                Participants = figures.Gender($"insatser.{row.InsatsId}", row.Participants),
            });
        }

        proto.Protection = new P.Protection
        {
            Applied = isProtected,
            Note = isProtected ? "Skyddad vy: antal 1–4 visas som \"<5\", och ett antal som annars kunde räknas fram som \"..\"." : "Exakt vy.",
        };
        proto.Protection.Suppressed.AddRange(figures.Listed);
        return proto;
    }
}
