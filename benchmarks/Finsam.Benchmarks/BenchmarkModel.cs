using Finsam.Reporting.Application.Reports;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Protection;
using Finsam.Reporting.Domain.Stays;
using Finsam.Testing;
using Finsam.Testing.Reporting;
using Microsoft.Extensions.Configuration;

namespace Finsam.Benchmarks;

/// <summary>What both modes share: the generated history, the report year and insats they time, and the report itself.</summary>
internal static class BenchmarkModel
{
    public const int DefaultSeed = 1;

    /// <summary>The last year of the history: the annual report that is made after the year has ended.</summary>
    public static int DefaultYear(HistoryShape shape) => shape.FirstYear + shape.Years - 1;

    /// <summary>The history applied straight to a model in memory, no journal or store (the BenchmarkDotNet set-up).</summary>
    public static ReportingModel Generate(HistoryShape shape, int seed)
    {
        var model = new ReportingModel();
        var changed = new Dictionary<string, ISet<string>>(StringComparer.Ordinal);
        var applied = 0;
        foreach (var generated in HistoryGenerator.Generate(shape, seed))
        {
            model.Apply(generated.Event, changed);
            if (++applied % 10_000 == 0)
            {
                changed.Clear();
            }
        }

        return model;
    }

    /// <summary>The insats with the most stays: the largest one-insats report there is.</summary>
    public static string LargestInsats(ReportingModel model) =>
        model.Stays.Stays.Where(s => !s.IsParked)
            .GroupBy(s => s.InsatsId!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;

    public static AnnualReport Exact(ReportingModel model, string? insatsId, int year) =>
        AnnualReportBuilder.Build(new ReportInput(model, insatsId, ReportPeriod.Year(year), Settings), asOfSequence: 0);

    public static AnnualReport Protected(ReportingModel model, string? insatsId, int year) =>
        SmallNumberProtection.Protect(Exact(model, insatsId, year));

    /// <summary>The service's own settings (its appsettings.json, "Reporting:Report"), survey thresholds included.</summary>
    public static ReportSettings Settings { get; } = ReportSettingsConfiguration.From(new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepositoryPaths.Root, "services", "reporting", "Finsam.Reporting", "appsettings.json"), optional: false)
        .Build());
}
