using System.Diagnostics;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Protection;
using Finsam.Reporting.Domain.Stays;
using Finsam.Reporting.Domain.Reports.Sections;

namespace Finsam.Benchmarks;

/// <summary>
/// Where a report's time goes: every section calculator, and the protection, timed on its own (median of several
/// runs). The scale run prints it after the report medians; <c>--profile</c> prints it over a model generated in memory.
/// </summary>
internal static class SectionProfile
{
    public static IReadOnlyList<(string Section, TimeSpan Median)> Measure(ReportingModel model, string? insatsId, int year, int runs)
    {
        // A fresh input per run, as each report has: the stay sets it shares are worked out by the first section that asks.
        ReportInput Input() => new(model, insatsId, ReportPeriod.Year(year), BenchmarkModel.Settings);
        var first = Input();
        var flows = FlowsCalculator.Compute(first);
        var results = ResultsCalculator.Compute(first);
        var profile = ProfileCalculator.Compute(first);
        var plans = PlansCalculator.For(first);
        var exact = AnnualReportBuilder.Build(first, 0);
        (string, Func<object?>)[] sections =
        [
            ("Flows", () => FlowsCalculator.Compute(Input())),
            ("Anonymous", () => AnonymousCalculator.Compute(Input())),
            ("Results", () => ResultsCalculator.Compute(Input())),
            ("Profile", () => ProfileCalculator.Compute(Input())),
            ("Origin", () => OriginCalculator.Compute(Input())),
            ("Transitions", () => TransitionsCalculator.Compute(Input())),
            ("Plans", () => PlansCalculator.For(Input())),
            ("Goals", () => GoalsCalculator.For(Input(), flows, results, profile, plans)),
            ("SelfAssessment", () => SelfAssessmentCalculator.For(Input())),
            ("GroupWork", () => GroupWorkCalculator.For(Input())),
            ("Survey", () => SurveyCalculator.For(Input())),
            ("PerInsats", () => PerInsatsCalculator.Compute(Input())),
            ("GenderSplit", () => GenderSplitCalculator.Compute(Input())),
            ("SmallNumberProtection.Protect", () => SmallNumberProtection.Protect(exact)),
        ];
        return [.. sections.Select(s => (s.Item1, Median(runs, s.Item2)))];
    }

    /// <summary>
    /// <c>--profile [--fraction F] [--runs N] [--dump DIR]</c>: the model generated in memory, then both scopes'
    /// sections. <c>--dump</c> writes the four reports as JSON there, to check a speed-up changed no figure.
    /// </summary>
    public static int Run(string[] args)
    {
        string? dump = null;
        var dumpAt = Array.IndexOf(args, "--dump");
        if (dumpAt >= 0)
        {
            dump = args[dumpAt + 1];
            args = [.. args[..dumpAt], .. args[(dumpAt + 2)..]];
        }

        var options = ScaleOptions.Parse(args);
        var shape = options.Shape;
        var clock = Stopwatch.StartNew();
        var model = BenchmarkModel.Generate(shape, options.Seed);
        Console.WriteLine($"Model generated in memory in {clock.Elapsed.TotalSeconds:N1} s: {string.Join(", ", model.Books.Select(b => $"{b.Kind} {b.Count:N0}"))}");
        Console.WriteLine($"Managed heap after a full GC, model held: {Memory.Mib(Memory.ManagedAfterFullGc())}; resident {Memory.Mib(Memory.Resident())}, peak resident {Memory.Mib(Memory.PeakResident())}");
        var year = options.Year ?? BenchmarkModel.DefaultYear(shape);
        var insatsId = BenchmarkModel.LargestInsats(model);
        foreach (var scope in new[] { null, insatsId })
        {
            if (dump is not null)
            {
                Directory.CreateDirectory(dump);
                var name = scope is null ? "forbund" : "insats";
                File.WriteAllText(Path.Combine(dump, $"{name}-exact.json"), System.Text.Json.JsonSerializer.Serialize(BenchmarkModel.Exact(model, scope, year)));
                File.WriteAllText(Path.Combine(dump, $"{name}-protected.json"), System.Text.Json.JsonSerializer.Serialize(BenchmarkModel.Protected(model, scope, year)));
            }

            Console.WriteLine($"{(scope is null ? "förbund" : "insats " + scope)} {year} (CPU time of the building thread, median): exact {Median(options.Runs, () => BenchmarkModel.Exact(model, scope, year)).TotalMilliseconds:N0} ms, protected {Median(options.Runs, () => BenchmarkModel.Protected(model, scope, year)).TotalMilliseconds:N0} ms");
            foreach (var (section, median) in Measure(model, scope, year, options.Runs))
            {
                Console.WriteLine($"  {section,-32} {median.TotalMilliseconds,10:N1} ms");
            }
        }

        return 0;
    }

    /// <summary>The median CPU time of the calling thread over the runs (wall time where that can't be read).</summary>
    private static TimeSpan Median(int runs, Func<object?> run)
    {
        GC.KeepAlive(run());
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var before = CpuTime.OfThread();
            GC.KeepAlive(run());
            times.Add(CpuTime.OfThread() - before ?? clock.Elapsed);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
