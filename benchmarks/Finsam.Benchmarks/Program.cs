using Finsam.Benchmarks;

// Two modes, both to be run in Release (see benchmarks/README.md):
//   --scale [options]  the scale run (minutes): fill a LiteDB journal, rebuild, load, report, memory;
//   --bdn [BDN args]   BenchmarkDotNet over the annual report build on a model of the same shape.
if (args.Length > 0 && args[0] == "--scale")
{
    return await ScaleRun.RunAsync(ScaleOptions.Parse(args[1..]));
}

if (args.Length > 0 && args[0] == "--gen")
{
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var n = Finsam.Testing.Reporting.HistoryGenerator.Generate(ScaleOptions.Parse(args[1..]).Shape, 1).LongCount();
    Console.WriteLine($"{n} events in {sw.Elapsed}");
    sw.Restart();
    var m = BenchmarkModel.Generate(ScaleOptions.Parse(args[1..]).Shape, 1);
    Console.WriteLine($"generate+apply {sw.Elapsed}");
    return 0;
}

if (args.Length > 0 && args[0] == "--bdn")
{
    ReportBenchmarks.Run(args[1..]);
    return 0;
}

Console.Error.WriteLine("""
    Usage:
      dotnet run -c Release --project benchmarks/Finsam.Benchmarks -- --scale [--seed N] [--year YYYY] [--runs N] [--dir PATH] [--keep] [--out FILE] [--small]
      dotnet run -c Release --project benchmarks/Finsam.Benchmarks -- --bdn [BenchmarkDotNet arguments, e.g. --filter '*']
    """);
return 2;
