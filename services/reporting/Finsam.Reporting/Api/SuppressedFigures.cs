using Finsam.Reporting.Domain.Reports;
using P = Finsam.Protos.Reporting.V1;

namespace Finsam.Reporting.Api;

/// <summary>
/// Sets counts on proto messages the way every reporting answer shows them: a shown count is set, a hidden one is
/// left unset (absent in JSON) and listed with its path and mark ("&lt;5" or ".."), so "hidden" is never read as 0.
/// </summary>
public sealed class SuppressedFigures
{
    private readonly List<P.SuppressedFigure> _listed = [];

    /// <summary>Every hidden figure set so far, for <c>protection.suppressed</c>.</summary>
    public IReadOnlyList<P.SuppressedFigure> Listed => _listed;

    public void Set(string path, Count count, Action<int> set)
    {
        if (count.Value is { } value)
        {
            set(value);
        }

        if (count.IsSuppressed)
        {
            _listed.Add(new P.SuppressedFigure { Path = path, ShownAs = count.Suppression == Suppression.Small ? "<5" : ".." });
        }
    }

    public P.GenderCounts Gender(string path, GenderCounts counts)
    {
        var proto = new P.GenderCounts();
        Set($"{path}.women", counts.Women, v => proto.Women = v);
        Set($"{path}.men", counts.Men, v => proto.Men = v);
        Set($"{path}.other", counts.Other, v => proto.Other = v);
        Set($"{path}.total", counts.Total, v => proto.Total = v);
        return proto;
    }
}
