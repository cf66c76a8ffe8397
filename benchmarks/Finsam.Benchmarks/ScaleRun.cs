using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using System.Text.Json;
using Finsam.Platform.Storage.LiteDb;
using Finsam.Reporting.Application.ReadModels;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Infrastructure.Journal;
using Finsam.Reporting.Infrastructure.ReadModels;
using Finsam.Testing.Reporting;

namespace Finsam.Benchmarks;

/// <summary>
/// The issue's scale run, phase by phase, as the reporting service would live it on one LiteDB file: the journal is
/// filled from the generator (not the service's work, so not timed against a target), then a full rebuild (replay and
/// write timed apart), a restart's load of the stored read models, the annual reports (median of several runs), and
/// the memory of each phase. Prints a markdown table and writes it to benchmarks/results/reporting-scale.md.
/// </summary>
internal static class ScaleRun
{
    /// <summary>Generated events handed to the journal per call: large enough that the per-call cost is nothing.</summary>
    private const int FillBatch = 50_000;

    public static async Task<int> RunAsync(ScaleOptions options)
    {
        var ct = CancellationToken.None;
        var shape = options.Shape;
        var year = options.Year ?? BenchmarkModel.DefaultYear(shape);
        var folder = Path.Combine(options.Directory, $"finsam-scale-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "reporting.db");
        var rows = new List<(string Phase, string Measure, string Value, string Target)>();
        void Row(string phase, string measure, string value, string target = "")
        {
            rows.Add((phase, measure, value, target));
            Console.WriteLine($"  {phase,-10} {measure,-48} {value,14}  {target}");
        }

        Console.WriteLine($"Scale run: {shape} seed {options.Seed}, report year {year}, LiteDB file {file}");
        try
        {
            // Each phase is a method of its own: an async method keeps its locals (a disposed LiteDB engine with its
            // page cache among them) alive until it returns, which would count one phase's memory in the next's.
            await FillPhaseAsync(options, shape, file, Row, ct);
            var (rebuiltReport, insatsId) = await RebuildPhaseAsync(file, year, Row, ct);
            var loaded = await LoadAndReportPhaseAsync(options, file, year, insatsId, rebuiltReport, Row, ct);

            // The store is closed and let go: what the read models themselves take.
            Row("memory", "managed heap after full GC, the model alone (LiteDB let go)", Memory.Mib(Memory.ManagedAfterFullGc()));
            GC.KeepAlive(loaded);

            var table = Table(options, shape, year, rows);
            Console.WriteLine();
            Console.WriteLine(table);
            if (options.Output is { } output)
            {
                await File.WriteAllTextAsync(output, table, ct);
                Console.WriteLine($"Written to {output}");
            }

            return 0;
        }
        finally
        {
            if (!options.Keep)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task FillPhaseAsync(ScaleOptions options, HistoryShape shape, string file, Action<string, string, string, string> row, CancellationToken ct)
    {
        void Row(string phase, string measure, string value, string target = "") => row(phase, measure, value, target);
        long events;
        var clock = Stopwatch.StartNew();
        if (options.Journal is { } saved)
        {
            File.Copy(saved, file);
            using var documents = new LiteDbDocumentStore(file);
            var journal = new DocumentEventJournal(documents);
            events = await documents.Collection<JournalEntryDocument>(JournalEntryDocument.CollectionName).CountAsync(null, ct) + await journal.CountUnlinkedAsync(ct);
            Row("fill", "journal entries + unlinked events (copied: --journal)", events.ToString("N0", CultureInfo.InvariantCulture));
        }
        else
        {
            using (var documents = new LiteDbDocumentStore(file))
            {
                await DocumentEventJournal.EnsureIndexesAsync(documents, ct);
                var journal = new DocumentEventJournal(documents);
                events = await FillAsync(journal, shape, options.Seed, ct);
            }

            Row("fill", "journal entries + unlinked events", events.ToString("N0", CultureInfo.InvariantCulture));
            Row("fill", "time (generator + SeedAsync)", Seconds(clock.Elapsed));
            if (options.SaveJournal is { } target)
            {
                File.Copy(file, target, overwrite: true);
            }
        }

        Row("fill", "LiteDB file after fill", Memory.Mib(new FileInfo(file).Length));
    }

    /// <summary>A full rebuild, in a process that holds nothing else (as the service's rebuild would).</summary>
    private static async Task<(string RebuiltReport, string InsatsId)> RebuildPhaseAsync(string file, int year, Action<string, string, string, string> row, CancellationToken ct)
    {
        void Row(string phase, string measure, string value, string target = "") => row(phase, measure, value, target);
        Row("rebuild", "managed heap before (after full GC)", Memory.Mib(Memory.ManagedAfterFullGc()));
        var peakReset = Memory.ResetPeak();
        using var documents = new LiteDbDocumentStore(file);
        var journal = new DocumentEventJournal(documents);
        var store = new DocumentReadModelStore(documents);
        var clock = Stopwatch.StartNew();
        using var sampler = new ResidentSampler(clock);
        var rebuild = await ReadModelRebuild.ReplayIntoStoreAsync(journal, store, ct);
        var total = clock.Elapsed;
        sampler.Stop();
        Row("rebuild", "journal entries replayed", rebuild.Events.ToString("N0", CultureInfo.InvariantCulture));
        Row("rebuild", "entities written", rebuild.Entities.ToString("N0", CultureInfo.InvariantCulture));
        Row("rebuild", "replay (read journal, apply to model)", Seconds(rebuild.Replay));
        Row("rebuild", "write (clear store, write entities)", Seconds(rebuild.Write));
        Row("rebuild", "total", Seconds(total), Verdict(total.TotalSeconds, 120, "< 2 min"));
        Row("rebuild", "peak resident (VmHWM) during rebuild", Memory.Mib(Memory.PeakResident()), peakReset ? "" : "(peak not reset: since start)");
        Row("rebuild", "highest resident sampled in the replay / the write", $"{Memory.Mib(sampler.MaxBetween(TimeSpan.Zero, rebuild.Replay))} / {Memory.Mib(sampler.MaxBetween(rebuild.Replay, total))}");
        Row("rebuild", "managed heap after full GC, rebuilt model and LiteDB held", Memory.Mib(Memory.ManagedAfterFullGc()));
        var insatsId = BenchmarkModel.LargestInsats(rebuild.Model);
        var rebuiltReport = ReportJson(BenchmarkModel.Exact(rebuild.Model, null, year));
        Row("rebuild", "LiteDB file after rebuild", Memory.Mib(new FileInfo(file).Length));
        return (rebuiltReport, insatsId);
    }

    /// <summary>A restart: open the file again and load the stored read models (no replay); then the reports and the peak memory.</summary>
    private static async Task<ReportingModel> LoadAndReportPhaseAsync(
        ScaleOptions options, string file, int year, string insatsId, string rebuiltReport, Action<string, string, string, string> row, CancellationToken ct)
    {
        void Row(string phase, string measure, string value, string target = "") => row(phase, measure, value, target);
        Row("load", "managed heap before (after full GC)", Memory.Mib(Memory.ManagedAfterFullGc()));
        Memory.ResetPeak();
        using var documents = new LiteDbDocumentStore(file);
        var projector = new ReadModelProjector(new DocumentEventJournal(documents), new DocumentReadModelStore(documents));
        var clock = Stopwatch.StartNew();
        await projector.LoadAsync(ct);
        Row("load", "load stored read models (restart)", Seconds(clock.Elapsed));
        Row("load", "peak resident (VmHWM) during load", Memory.Mib(Memory.PeakResident()));
        var managed = Memory.ManagedAfterFullGc();
        Row("load", "managed heap after full GC, model loaded", Memory.Mib(managed));
        Row("load", "resident (VmRSS) after that GC", Memory.Mib(Memory.Resident()));
        var counts = await projector.ReadAsync((model, _) => string.Join(", ", model.Books.Select(b => $"{b.Kind} {b.Count:N0}")), ct);
        Console.WriteLine($"  entities per book: {counts}");

        // The loaded model must report what the rebuilt one did: the store round-trips every figure.
        var loadedReport = await projector.ReadAsync((model, _) => ReportJson(BenchmarkModel.Exact(model, null, year)), ct);
        if (loadedReport != rebuiltReport)
        {
            throw new InvalidOperationException("The förbund report from the loaded read models differs from the one from the rebuilt model.");
        }

        // The reports, through the projector's lock as the service builds them.
        var insatsName = await projector.ReadAsync((model, _) => model.Insatser.Find(insatsId)?.Name, ct);
        foreach (var (scope, label) in new[] { ((string?)null, "förbund"), (insatsId, $"insats ({insatsName})") })
        {
            foreach (var (kind, build) in new (string, Func<ReportingModel, AnnualReport>)[]
                     {
                         ("exact", model => BenchmarkModel.Exact(model, scope, year)),
                         ("protected", model => BenchmarkModel.Protected(model, scope, year)),
                     })
            {
                var (wall, cpu) = await MedianAsync(projector, options.Runs, build);
                Row("report", $"{label} {year}, {kind}: median wall of {options.Runs}", Millis(wall), Verdict(wall.TotalSeconds, 1, "< 1 s"));
                if (cpu is { } used)
                {
                    Row("report", $"{label} {year}, {kind}: median CPU of the building thread", Millis(used), Verdict(used.TotalSeconds, 1, "< 1 s"));
                }
            }
        }

        var peak = Memory.PeakResident();
        Row("memory", "peak resident (VmHWM) load + reports", Memory.Mib(peak), peak is { } p ? Verdict(p, 1L << 30, "< 1 GiB") : "");
        Row("memory", "Process.PeakWorkingSet64 (same counter)", Memory.Mib(Memory.PeakWorkingSet()));
        return await projector.ReadAsync((model, _) => model, ct);
    }

    /// <summary>The generator streamed into the empty journal through its seeding path (no per-id look-up).</summary>
    private static async Task<long> FillAsync(DocumentEventJournal journal, HistoryShape shape, int seed, CancellationToken ct)
    {
        long generated = 0;
        var clock = Stopwatch.StartNew();
        var appends = HistoryGenerator.Generate(shape, seed).Select(e =>
        {
            if (++generated % 500_000 == 0)
            {
                Console.WriteLine($"  fill: {generated:N0} events generated, {clock.Elapsed.TotalSeconds:N0} s");
            }

            return new JournalAppend(e.MessageId, e.Event, e.Event.OccurredAt);
        });
        return await journal.SeedAsync(appends, FillBatch, ct);
    }

    /// <summary>
    /// One warm-up, then <paramref name="runs"/> timed runs under the projector's lock: the median wall time, and the
    /// median CPU time of the thread that built the report (what it takes on an idle machine).
    /// </summary>
    private static async Task<(TimeSpan Wall, TimeSpan? Cpu)> MedianAsync(ReadModelProjector projector, int runs, Func<ReportingModel, AnnualReport> build)
    {
        await projector.ReadAsync((model, _) => build(model));
        var walls = new List<TimeSpan>();
        var cpus = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var cpu = await projector.ReadAsync((model, _) =>
            {
                var before = CpuTime.OfThread();
                GC.KeepAlive(build(model));
                return CpuTime.OfThread() - before;
            });
            walls.Add(clock.Elapsed);
            if (cpu is { } used)
            {
                cpus.Add(used);
            }
        }

        walls.Sort();
        cpus.Sort();
        return (walls[walls.Count / 2], cpus.Count > 0 ? cpus[cpus.Count / 2] : null);
    }

    private static string ReportJson(AnnualReport report) => JsonSerializer.Serialize(report);

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:N1} s";

    private static string Millis(TimeSpan time) => $"{time.TotalMilliseconds:N0} ms";

    private static string Verdict(double measured, double target, string label) =>
        $"{label}: {(measured < target ? "met" : "MISSED")} ({measured / target:P0} of target)";

    private static string Table(ScaleOptions options, HistoryShape shape, int year, List<(string Phase, string Measure, string Value, string Target)> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("# Reporting scale run");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores (nproc), {Memory.Mib(MemTotal())} memory, {CpuModel()}, {Environment.OSVersion}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Load average at the end (other work on the shared machine): {LoadAverage()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Runtime: .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC (as the service), Release build: {IsOptimized()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Shape: {shape.Participants:N0} participants, {shape.Enrolments:N0} enrolments, {shape.Groups:N0} groups, {shape.AttendanceRecords:N0} attendance records, {shape.Insatser} insatser, {shape.FirstYear}–{shape.FirstYear + shape.Years - 1}; seed {options.Seed}; report year {year}");
        text.AppendLine("- Store: LiteDB (the embedded store) on local disk, journal and read models in one file, as the service has them");
        text.AppendLine("- Command: `dotnet run -c Release --project benchmarks/Finsam.Benchmarks -- --scale`");
        text.AppendLine();
        text.AppendLine("| Phase | Measure | Value | Target |");
        text.AppendLine("|---|---|---:|---|");
        foreach (var (phase, measure, value, target) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {phase} | {measure} | {value} | {target} |");
        }

        return text.ToString();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static long? MemTotal()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? null : long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "cpu unknown"
            : "cpu unknown";

    private static bool IsOptimized() =>
        typeof(ReportingModel).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);

    /// <summary>Samples the resident set every 20 ms on a thread of its own, to tell which part of a phase its peak falls in.</summary>
    private sealed class ResidentSampler : IDisposable
    {
        private readonly List<(TimeSpan At, long Bytes)> _samples = [];
        private readonly Thread _thread;
        private volatile bool _stop;

        public ResidentSampler(Stopwatch clock)
        {
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    if (Memory.Resident() is { } bytes)
                    {
                        lock (_samples)
                        {
                            _samples.Add((clock.Elapsed, bytes));
                        }
                    }

                    Thread.Sleep(20);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public void Stop()
        {
            _stop = true;
            _thread.Join();
        }

        public long? MaxBetween(TimeSpan from, TimeSpan to)
        {
            lock (_samples)
            {
                var within = _samples.Where(s => s.At >= from && s.At <= to).ToList();
                return within.Count == 0 ? null : within.Max(s => s.Bytes);
            }
        }

        public void Dispose() => Stop();
    }
}
