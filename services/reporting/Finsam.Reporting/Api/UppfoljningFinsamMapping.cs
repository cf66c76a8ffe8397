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
        var suppressed = new List<P.SuppressedFigure>();
        var proto = new P.UppfoljningFinsamCounts
        {
            From = IsoDates.ToIso(counts.From),
            To = IsoDates.ToIso(counts.To),
            IndividualTotal = Gender("individualTotal", counts.IndividualTotal, suppressed),
            StructuralTotal = Gender("structuralTotal", counts.StructuralTotal, suppressed),
        };
        foreach (var row in counts.Insatser)
        {
            proto.Insatser.Add(new P.UppfoljningFinsamRow
            {
                InsatsId = row.InsatsId,
                Name = row.Name,
                Kind = row.Kind,
                Individual = row.Individual,
                Participants = Gender($"insatser.{row.InsatsId}", row.Participants, suppressed),
            });
        }

        proto.Protection = new P.Protection
        {
            Applied = isProtected,
            Note = isProtected ? "Skyddad vy: antal 1–4 visas som \"<5\", och ett antal som annars kunde räknas fram som \"..\"." : "Exakt vy.",
        };
        proto.Protection.Suppressed.AddRange(suppressed);
        return proto;
    }

    private static P.GenderCounts Gender(string path, GenderCounts counts, List<P.SuppressedFigure> suppressed)
    {
        var proto = new P.GenderCounts();
        Set($"{path}.women", counts.Women, v => proto.Women = v, suppressed);
        Set($"{path}.men", counts.Men, v => proto.Men = v, suppressed);
        Set($"{path}.other", counts.Other, v => proto.Other = v, suppressed);
        Set($"{path}.total", counts.Total, v => proto.Total = v, suppressed);
        return proto;
    }

    private static void Set(string path, Count count, Action<int> set, List<P.SuppressedFigure> suppressed)
    {
        if (count.Value is { } value)
        {
            set(value);
        }

        if (count.IsSuppressed)
        {
            suppressed.Add(new P.SuppressedFigure { Path = path, ShownAs = count.Suppression == Suppression.Small ? "<5" : ".." });
        }
    }
}
