using Finsam.Benchmarks;

// Two modes, both to be run in Release (see benchmarks/README.md):
//   --scale [options]  the scale run (minutes): fill a LiteDB journal, rebuild, load, report, memory;
//   --bdn [BDN args]   BenchmarkDotNet over the annual report build on a model of the same shape;
//   --profile [options] every section of both reports timed apart, over a model generated in memory;
//   --store-profile [options] every book written to and loaded from a fresh read-model store, timed apart;
//   --heap-profile [options] every book stored as JSON and read back, with the managed heap it then takes.
if (args.Length > 0 && args[0] == "--scale")
{
    return await ScaleRun.RunAsync(ScaleOptions.Parse(args[1..]));
}

if (args.Length > 0 && args[0] == "--profile")
{
    return SectionProfile.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "--heap-profile")
{
    return HeapProfile.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "--store-profile")
{
    return await StoreProfile.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "--bdn")
{
    ReportBenchmarks.Run(args[1..]);
    return 0;
}

Console.Error.WriteLine("""
    Usage:
      dotnet run -c Release --project benchmarks/Finsam.Benchmarks -- --scale [--seed N] [--year YYYY] [--runs N] [--dir PATH] [--keep] [--out FILE] [--small]
      dotnet run -c Release --project benchmarks/Finsam.Benchmarks -- --profile [--fraction F] [--runs N] [--year YYYY]
      dotnet run -c Release --project benchmarks/Finsam.Benchmarks -- --bdn [BenchmarkDotNet arguments, e.g. --filter '*']
    """);
return 2;
