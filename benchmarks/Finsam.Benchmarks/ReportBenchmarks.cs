using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Reports;
using Finsam.Testing.Reporting;

namespace Finsam.Benchmarks;

/// <summary>
/// The annual report build (förbund and the largest insats, exact and protected) over a model of the benchmark's
/// shape, generated straight into memory once per process (no journal or store: what is timed is only the report).
/// In-process and short (3 warm-ups, 3 iterations): the set-up alone takes a minute, and the machine is shared.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    /// <summary>Set from <c>--fraction</c> before the run (in-process toolchain, so the same static is seen).</summary>
    internal static double Fraction { get; set; } = 1.0;

    private ReportingModel _model = null!;
    private string _insatsId = null!;
    private int _year;

    public enum ReportScope
    {
        Forbund,
        Insats,
    }

    [Params(ReportScope.Forbund, ReportScope.Insats)]
    public ReportScope Scope { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var shape = new ScaleOptions(BenchmarkModel.DefaultSeed, null, 0, Fraction, "", false, null).Shape;
        _model = BenchmarkModel.Generate(shape, BenchmarkModel.DefaultSeed);
        _insatsId = BenchmarkModel.LargestInsats(_model);
        _year = BenchmarkModel.DefaultYear(shape);
    }

    private string? InsatsId => Scope == ReportScope.Forbund ? null : _insatsId;

    [Benchmark(Baseline = true)]
    public AnnualReport Exact() => BenchmarkModel.Exact(_model, InsatsId, _year);

    [Benchmark]
    public AnnualReport Protected() => BenchmarkModel.Protected(_model, InsatsId, _year);

    public static void Run(string[] args)
    {
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--fraction" && i + 1 < args.Length)
            {
                Fraction = double.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
            .WithOption(ConfigOptions.JoinSummary, true);
        BenchmarkRunner.Run<ReportBenchmarks>(config, [.. rest]);
    }
}
