using System.Diagnostics;

namespace Finsam.Benchmarks;

/// <summary>The process's memory as Linux and the runtime see it.</summary>
internal static class Memory
{
    /// <summary>Peak resident set size (VmHWM) in bytes since the start or the last <see cref="ResetPeak"/>; null off Linux.</summary>
    public static long? PeakResident() => StatusField("VmHWM:");

    /// <summary>Resident set size now (VmRSS) in bytes; null off Linux.</summary>
    public static long? Resident() => StatusField("VmRSS:");

    /// <summary>
    /// Resets VmHWM to the current RSS (writing 5 to /proc/self/clear_refs, Linux ≥ 4.0), so a phase's peak can be read
    /// apart from what came before it (the generator filling the journal is not the reporting process's work).
    /// <see cref="Process.PeakWorkingSet64"/> reads the same VmHWM, so it resets too. False when the kernel refused.
    /// </summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The managed heap after a full, compacting collection: what the live objects (the model) take. Aggressive, so
    /// the freed memory also goes back to the system and a peak measured after it starts from what a fresh process holds.
    /// </summary>
    public static long ManagedAfterFullGc()
    {
        // The large-object heap is compacted only when asked: without it, its free space counts as taken.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        if (Environment.GetEnvironmentVariable("FINSAM_BENCH_GC_DETAIL") is not null)
        {
            Console.WriteLine($"    [gc] total {Mib(GC.GetTotalMemory(false))}, heap size {Mib(info.HeapSizeBytes)}, fragmented {Mib(info.FragmentedBytes)}, committed {Mib(info.TotalCommittedBytes)}, promoted {Mib(info.PromotedBytes)}");
        }

        return GC.GetTotalMemory(forceFullCollection: false);
    }

    public static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    public static string Mib(long? bytes) => bytes is { } b ? $"{b / 1024.0 / 1024.0:N0} MiB" : "n/a";

    private static long? StatusField(string name)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(name, StringComparison.Ordinal))
                {
                    // "VmHWM:	  123456 kB"
                    var kb = long.Parse(line[name.Length..].Trim().Split(' ')[0]);
                    return kb * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }
}
