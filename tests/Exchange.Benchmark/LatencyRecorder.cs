using System.Diagnostics;

namespace Exchange.Benchmark;

/// <summary>Call durations in Stopwatch ticks, in a preallocated array (no allocation while timing); exact percentiles.</summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _ticks = new long[capacity];
    private int _next;

    public int Count => Math.Min(Volatile.Read(ref _next), _ticks.Length);

    /// <summary>Records one duration; false once the array is full (the duration is then dropped).</summary>
    public bool Record(long elapsedTicks)
    {
        var index = Interlocked.Increment(ref _next) - 1;
        if (index >= _ticks.Length)
        {
            return false;
        }

        _ticks[index] = elapsedTicks;
        return true;
    }

    public LatencySummary Summarize(TimeSpan elapsed)
    {
        var count = Count;
        var sorted = _ticks.AsSpan(0, count).ToArray();
        Array.Sort(sorted);
        return new LatencySummary(
            count,
            elapsed.TotalSeconds,
            count / elapsed.TotalSeconds,
            Milliseconds(Percentile(sorted, 0.50)),
            Milliseconds(Percentile(sorted, 0.99)),
            Milliseconds(count == 0 ? 0 : sorted[^1]));
    }

    // Nearest rank: the smallest value with at least p of the samples at or below it.
    private static long Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

/// <summary>Closed-loop call statistics: calls, wall time, rate and latency percentiles in milliseconds.</summary>
internal sealed record LatencySummary(int Calls, double Seconds, double CallsPerSecond, double P50Ms, double P99Ms, double MaxMs);
