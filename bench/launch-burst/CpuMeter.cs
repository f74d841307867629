using System.Globalization;

namespace GroupBuy.LaunchBurst;

/// <summary>
/// Where the CPU went during a window, from /proc: the host processes, PostgreSQL (the postmaster,
/// its live backends, and the backends it has already reaped), this load tool, the whole machine,
/// and of the hosts' share what the runtime spent recompiling hot methods in the background.
/// </summary>
internal sealed class CpuMeter(IReadOnlyList<int> hostPids, int? postmasterPid)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly Dictionary<(int Pid, string Thread), long> tieringSeen = [];
    private long tieringTotal;

    public Sample Take() => new(
        RunClock.Now,
        hostPids.Sum(OwnTicks),
        postmasterPid is { } pm ? PostgresTicks(pm) : 0,
        OwnTicks(Environment.ProcessId),
        MachineTicks(),
        TieringTicks());

    public static string Describe(Sample start, Sample end)
    {
        var seconds = (end.At - start.At).TotalSeconds;
        if (seconds <= 0)
        {
            return "n/a";
        }

        double Cores(long ticks) => ticks / TicksPerSecond / seconds;
        var (busy0, idle0, wait0) = start.Machine;
        var (busy1, idle1, wait1) = end.Machine;
        var total = (double)(busy1 - busy0) + (idle1 - idle0) + (wait1 - wait0);
        var busy = total > 0 ? (busy1 - busy0) / total : double.NaN;
        var iowait = total > 0 ? (wait1 - wait0) / total : double.NaN;
        return string.Create(CultureInfo.InvariantCulture, $"host {Cores(end.Host - start.Host):0.00} cores (recompiling {Cores(end.Tiering - start.Tiering):0.00}), PostgreSQL {Cores(end.Postgres - start.Postgres):0.00} cores, load tool {Cores(end.Tool - start.Tool):0.00} cores; machine {busy:P0} busy, {iowait:P0} iowait ({Environment.ProcessorCount} cores, over {seconds:0.0} s)");
    }

    /// <summary>
    /// Waits until the runtime's tiered-compilation thread of every host has been idle for two
    /// seconds (at most <paramref name="limit"/>): after a warm-up it recompiles the methods that
    /// became hot, optimized, in the background, which a host that has been up for hours has done.
    /// </summary>
    public async Task<TimeSpan> WaitUntilRecompiledAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var start = RunClock.Now;
        var last = TieringTicks();
        var quietSeconds = 0;
        while (quietSeconds < 2 && RunClock.Now - start < limit)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var now = TieringTicks();
            quietSeconds = now == last ? quietSeconds + 1 : 0;
            last = now;
        }

        return RunClock.Now - start;
    }

    /// <summary>CPU time the hosts' tiered-compilation threads have used since this meter first looked.</summary>
    public TimeSpan Recompiling() => TimeSpan.FromSeconds(TieringTicks() / TicksPerSecond);

    /// <summary>
    /// CPU ticks the hosts' tiered-compilation threads (the runtime names them ".NET Tiered Com")
    /// have used since this meter first looked. The runtime ends the thread when it has been idle for
    /// a while and starts a new one later, so each thread's ticks are counted by its id.
    /// </summary>
    private long TieringTicks()
    {
        foreach (var pid in hostPids)
        {
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                {
                    if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal)
                        && Stat(task) is { } thread)
                    {
                        var id = (pid, Path.GetFileName(task));
                        var ticks = thread.UTime + thread.STime;
                        tieringTotal += ticks - tieringSeen.GetValueOrDefault(id);
                        tieringSeen[id] = ticks;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The thread or the host is gone: what it used was counted when last seen.
            }
        }

        return tieringTotal;
    }

    private static long OwnTicks(int pid) => Stat($"/proc/{pid}") is { } f ? f.UTime + f.STime : 0;

    private static long PostgresTicks(int postmaster)
    {
        var total = Stat($"/proc/{postmaster}") is { } pm ? pm.UTime + pm.STime + pm.CUTime + pm.CSTime : 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != postmaster && Stat(dir) is { } child && child.ParentPid == postmaster)
            {
                total += child.UTime + child.STime;
            }
        }

        return total;
    }

    /// <summary>(busy, idle, iowait) jiffies of all cores, from the first line of /proc/stat.</summary>
    private static (long Busy, long Idle, long IoWait) MachineTicks()
    {
        try
        {
            var parts = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal
            var busy = parts[0] + parts[1] + parts[2] + parts[5] + parts[6] + (parts.Length > 7 ? parts[7] : 0);
            return (busy, parts[3], parts[4]);
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return (0, 0, 0);
        }
    }

    /// <param name="folder">A process's or a thread's folder under /proc.</param>
    private static ProcStat? Stat(string folder)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(folder, "stat"));
            // The command name is in parentheses and may hold spaces: fields are counted after the last ')'.
            var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long F(int field) => long.Parse(rest[field - 3], CultureInfo.InvariantCulture);
            return new ProcStat((int)F(4), F(14), F(15), F(16), F(17));
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    internal sealed record Sample(TimeSpan At, long Host, long Postgres, long Tool, (long Busy, long Idle, long IoWait) Machine, long Tiering);

    private sealed record ProcStat(int ParentPid, long UTime, long STime, long CUTime, long CSTime);
}
