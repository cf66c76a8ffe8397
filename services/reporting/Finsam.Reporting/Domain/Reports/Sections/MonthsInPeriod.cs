using Finsam.Reporting.Domain.Stays;
using Finsam.Reporting.Domain.Unlinked;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// <see cref="UnlinkedMonth.FallsIn"/> for one period, worked out once per month text: tens of thousands of survey
/// answers and evaluation forms share a few dozen months, and parsing each one's month was a good part of their sections.
/// </summary>
internal sealed class MonthsInPeriod(ReportPeriod period)
{
    private readonly Dictionary<string, bool> _months = new(StringComparer.Ordinal);

    public bool Contains(string? month)
    {
        if (month is null)
        {
            return UnlinkedMonth.FallsIn(month!, period);
        }

        if (!_months.TryGetValue(month, out var fallsIn))
        {
            fallsIn = UnlinkedMonth.FallsIn(month, period);
            _months[month] = fallsIn;
        }

        return fallsIn;
    }
}
