using System.Diagnostics;
using System.Globalization;

namespace Exchange.Benchmark;

/// <summary>
/// CPU time of the hub process, this process, all PostgreSQL server processes and the whole machine, read from
/// /proc (Linux; zeros elsewhere). Two snapshots give the cores each used over the interval.
/// </summary>
internal sealed record CpuSnapshot(long Timestamp, double Hub, double Self, double Postgres, double MachineBusy)
{
    // USER_HZ: the unit of /proc times; 100 on every mainstream Linux build.
    private const double TicksPerSecond = 100.0;

    public static CpuSnapshot Take(int? hubProcessId)
    {
        using var self = Process.GetCurrentProcess();
        return new CpuSnapshot(
            Stopwatch.GetTimestamp(),
            hubProcessId is { } pid ? ProcessSeconds(pid) : 0,
            self.TotalProcessorTime.TotalSeconds,
            PostgresSeconds(),
            MachineBusySeconds());
    }

    /// <summary>Average cores used by each party between <paramref name="start"/> and this snapshot.</summary>
    public CpuUsage Since(CpuSnapshot start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var seconds = Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds;
        var hub = (Hub - start.Hub) / seconds;
        var self = (Self - start.Self) / seconds;
        // A PostgreSQL process that exited meanwhile takes its CPU time with it: never below zero.
        var postgres = Math.Max(0, Postgres - start.Postgres) / seconds;
        var machine = (MachineBusy - start.MachineBusy) / seconds;
        return new CpuUsage(hub, self, postgres, machine, Math.Max(0, machine - hub - self - postgres), Environment.ProcessorCount);
    }

    private static double ProcessSeconds(int pid) => TryReadStat($"/proc/{pid}/stat", out _, out var ticks) ? ticks / TicksPerSecond : 0;

    private static double PostgresSeconds()
    {
        if (!Directory.Exists("/proc"))
        {
            return 0;
        }

        long total = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(folder);
            if (name.Length > 0 && char.IsAsciiDigit(name[0]) && TryReadStat(Path.Combine(folder, "stat"), out var command, out var ticks)
                && command == "postgres")
            {
                total += ticks;
            }
        }

        return total / TicksPerSecond;
    }

    // "pid (comm) state ppid ..." — utime and stime are fields 14 and 15; comm may contain spaces, so split after ')'.
    private static bool TryReadStat(string path, out string command, out long ticks)
    {
        command = string.Empty;
        ticks = 0;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException)
        {
            return false; // The process ended meanwhile.
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return false;
        }

        command = text[(open + 1)..close];
        var fields = text[(close + 2)..].Split(' ');
        // fields[0] is field 3 (state), so utime (14) is fields[11] and stime (15) fields[12].
        ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return true;
    }

    // First line of /proc/stat: "cpu user nice system idle iowait irq softirq steal ..."; busy = all but idle and iowait.
    private static double MachineBusySeconds()
    {
        if (!File.Exists("/proc/stat"))
        {
            return 0;
        }

        using var reader = new StreamReader("/proc/stat");
        var fields = (reader.ReadLine() ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long busy = 0;
        for (var i = 1; i < Math.Min(fields.Length, 9); i++)
        {
            if (i is not (4 or 5))
            {
                busy += long.Parse(fields[i], CultureInfo.InvariantCulture);
            }
        }

        return busy / TicksPerSecond;
    }
}

/// <summary>Average cores used over an interval: the hub, the benchmark, PostgreSQL, and everything else on the machine.</summary>
internal sealed record CpuUsage(double HubCores, double BenchmarkCores, double PostgresCores, double MachineCores, double OtherCores, int ProcessorCount)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"hub {HubCores:F2}, benchmark {BenchmarkCores:F2}, postgres {PostgresCores:F2}, other {OtherCores:F2}; machine {MachineCores:F2} of {ProcessorCount} cores");
}
