using Finsam.Reporting.Domain.Reports;

namespace Finsam.Reporting.Application.Reports;

/// <summary>
/// Reads <see cref="ReportSettings"/> from "Reporting:Report". Read by hand rather than bound: the binder appends to
/// a list that already has defaults, and a setting left out must keep its default, not become empty.
/// </summary>
public static class ReportSettingsConfiguration
{
    public const string SectionName = "Reporting:Report";

    /// <exception cref="InvalidOperationException">A value that isn't a number where one is needed, naming the setting.</exception>
    public static ReportSettings From(IConfiguration configuration)
    {
        try
        {
            return Read(configuration);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
        {
            throw new InvalidOperationException($"{SectionName}: {e.Message}", e);
        }
    }

    private static ReportSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var defaults = new ReportSettings();
        return new ReportSettings
        {
            DefaultAgeBands = Strings(section.GetSection("DefaultAgeBands")) ?? defaults.DefaultAgeBands,
            AgeBandsByInsats = section.GetSection("AgeBandsByInsats").GetChildren()
                .ToDictionary(c => c.Key, c => Strings(c) ?? [], StringComparer.Ordinal),
            YearsInSupportThreshold = section.GetValue("YearsInSupportThreshold", defaults.YearsInSupportThreshold),
            TimeInInsatsBandsMonths = section.GetSection("TimeInInsatsBandsMonths").GetChildren()
                .Select(c => int.TryParse(c.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var months)
                    ? months
                    : throw new FormatException($"TimeInInsatsBandsMonths:{c.Key} = '{c.Value}' is not a whole number of months.")).ToList() is { Count: > 0 } bands
                ? bands
                : defaults.TimeInInsatsBandsMonths,
            SelfAssessmentImprovedAreas = section.GetValue("SelfAssessmentImprovedAreas", defaults.SelfAssessmentImprovedAreas),
            SurveyThresholds = section.GetSection("SurveyThresholds").GetChildren().ToDictionary(
                instrument => instrument.Key,
                instrument => (IReadOnlyDictionary<string, IReadOnlyList<string>>)instrument.GetChildren()
                    .ToDictionary(q => q.Key, q => Strings(q) ?? [], StringComparer.Ordinal),
                StringComparer.Ordinal),
        };
    }

    private static IReadOnlyList<string>? Strings(IConfigurationSection section)
    {
        var values = section.GetChildren().Select(c => c.Value ?? "").Where(v => v.Length > 0).ToList();
        return values.Count > 0 ? values : null;
    }
}
