using System.Runtime.InteropServices;

namespace Finsam.Benchmarks;

/// <summary>
/// The CPU time the calling thread has used (Linux, CLOCK_THREAD_CPUTIME_ID). A report is built on one thread, so its
/// CPU time is what it would take on an idle machine, whatever else the (shared) machine is running; the wall time
/// is reported beside it. Null off Linux.
/// </summary>
internal static class CpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan? OfThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return ClockGetTime(ClockThreadCpuTimeId, out var time) == 0
            ? TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100))
            : null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);
}
