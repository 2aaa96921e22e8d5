using System.Diagnostics;

namespace Exchange.Benchmark;

/// <summary>
/// A closed loop: <c>concurrency</c> callers each await one call at a time, until <c>calls</c> calls were started or,
/// for a slice, its duration is over. Each call gets its own index (0, 1, 2, ...) and its duration is recorded.
/// </summary>
internal static class LoadLoop
{
    public static async Task<LatencySummary> RunAsync(int concurrency, int calls, Func<int, Task> call)
    {
        var recorder = new LatencyRecorder(calls);
        var clock = Stopwatch.StartNew();
        await RunAsync(concurrency, recorder, calls, duration: null, call);
        return recorder.Summarize(clock.Elapsed);
    }

    /// <summary>One slice of a longer measurement: records into <paramref name="recorder"/>; returns an index past every call made.</summary>
    public static Task<int> RunAsync(int concurrency, LatencyRecorder recorder, TimeSpan duration, Func<int, Task> call) =>
        RunAsync(concurrency, recorder, int.MaxValue / 2, duration, call);

    private static async Task<int> RunAsync(int concurrency, LatencyRecorder recorder, int maxCalls, TimeSpan? duration, Func<int, Task> call)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= maxCalls || (duration is { } limit && clock.Elapsed >= limit))
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
