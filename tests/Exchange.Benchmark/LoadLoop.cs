using System.Diagnostics;

namespace Exchange.Benchmark;

/// <summary>
/// A closed loop: <c>concurrency</c> callers each await one call at a time until <c>maxCalls</c> calls were started or
/// the duration is over and at least <c>minCalls</c> were started. Each call gets its own index (0, 1, 2, ...) and its
/// duration is recorded.
/// </summary>
internal static class LoadLoop
{
    public static async Task<LatencySummary> RunAsync(int concurrency, int maxCalls, TimeSpan? duration, Func<int, Task> call, int minCalls = 0)
    {
        var recorder = new LatencyRecorder(maxCalls);
        var clock = Stopwatch.StartNew();
        await RunAsync(concurrency, recorder, maxCalls, duration, call, minCalls);
        return recorder.Summarize(clock.Elapsed);
    }

    /// <summary>One slice of a longer measurement: records into <paramref name="recorder"/>; returns an index past every call made.</summary>
    public static Task<int> RunAsync(int concurrency, LatencyRecorder recorder, TimeSpan duration, Func<int, Task> call) =>
        RunAsync(concurrency, recorder, int.MaxValue / 2, duration, call, 0);

    private static async Task<int> RunAsync(int concurrency, LatencyRecorder recorder, int maxCalls, TimeSpan? duration, Func<int, Task> call, int minCalls)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= maxCalls || (duration is { } limit && clock.Elapsed >= limit && index >= minCalls))
                {
                    return;
                }

                var start = Stopwatch.GetTimestamp();
                await call(index);
                recorder.Record(Stopwatch.GetTimestamp() - start);
            }
        })).ToArray();
        await Task.WhenAll(callers);
        return Math.Min(Volatile.Read(ref next) + 1, maxCalls);
    }
}
