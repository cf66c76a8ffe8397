using Finsam.Reporting.Domain.Reports.Sections;

namespace Finsam.Reporting.Domain.Reports;

/// <summary>
/// Refuses report settings that can't be used, at start-up: a band configuration that doesn't tile the ages is an
/// operator's mistake to fix before anyone asks for a report, not a 500 in the middle of one.
/// </summary>
public static class ReportSettingsCheck
{
    /// <exception cref="InvalidOperationException">Naming the setting and why.</exception>
    public static void ThrowIfUnusable(ReportSettings settings)
    {
        Check("Reporting:Report:DefaultAgeBands", () => ProfileAgeBands.Of(settings.DefaultAgeBands));
        foreach (var (insatsId, bands) in settings.AgeBandsByInsats)
        {
            Check($"Reporting:Report:AgeBandsByInsats:{insatsId}", () => ProfileAgeBands.Of(bands));
        }

        Check("Reporting:Report:TimeInInsatsBandsMonths", () => ProfileTimeBands.Of(settings.TimeInInsatsBandsMonths));
        if (settings.SelfAssessmentImprovedAreas < 1)
        {
            throw new InvalidOperationException("Reporting:Report:SelfAssessmentImprovedAreas must be at least 1.");
        }

        if (settings.YearsInSupportThreshold < 0)
        {
            throw new InvalidOperationException("Reporting:Report:YearsInSupportThreshold can't be negative.");
        }
    }

    private static void Check(string setting, Action use)
    {
        try
        {
            use();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{setting}: {e.Message}", e);
        }
    }
}
