using System.Diagnostics;

namespace Exchange.Benchmark;

/// <summary>
/// Get-record and its trivial-call baseline, measured in alternating slices on the same hub after the ingest, so
/// that the two p99s see the same machine and the same hub (its heap, its active grains). Measured one after the
/// other, the trivial call's p99 alone ranged from 8.7 to 23.8 ms between runs of the same build: the shared 2-core
/// box drifts within a minute, and a ratio of two p99s taken a minute apart measured mostly that drift.
/// </summary>
internal static class InterleavedCalls
{
    public const int Rounds = 5;

    private const int MaxCallsPerSecond = 200_000;

    public static async Task<Measured> RunAsync(int? hubProcessId, int concurrency, TimeSpan durationEach, Func<int, Task> trivialCall, Func<int, Task> getCall)
    {
        var slice = durationEach / Rounds;
        var capacity = (int)Math.Min(int.MaxValue / 2, durationEach.TotalSeconds * MaxCallsPerSecond);
        var trivial = new Side(capacity);
        var get = new Side(capacity);
        for (var round = 0; round < Rounds; round++)
        {
            await trivial.RunSliceAsync(hubProcessId, concurrency, slice, trivialCall);
            await get.RunSliceAsync(hubProcessId, concurrency, slice, getCall);
        }

        return new Measured(trivial.Summary(), trivial.Cpu(), get.Summary(), get.Cpu());
    }

    internal sealed record Measured(LatencySummary Trivial, CpuUsage TrivialCpu, LatencySummary GetRecord, CpuUsage GetRecordCpu);

    /// <summary>One kind of call: its durations across slices, the time it ran, and the CPU used meanwhile.</summary>
    private sealed class Side(int capacity)
    {
        private readonly LatencyRecorder _recorder = new(capacity);
        private readonly List<(CpuUsage Usage, double Seconds)> _cpu = [];
        private TimeSpan _elapsed;
        private int _nextIndex;

        public async Task RunSliceAsync(int? hubProcessId, int concurrency, TimeSpan slice, Func<int, Task> call)
        {
            var start = CpuSnapshot.Take(hubProcessId);
            var clock = Stopwatch.StartNew();
            var first = _nextIndex;
            var calls = await LoadLoop.RunAsync(concurrency, _recorder, slice, index => call(first + index));
            _nextIndex += calls;
            _elapsed += clock.Elapsed;
            _cpu.Add((CpuSnapshot.Take(hubProcessId).Since(start), clock.Elapsed.TotalSeconds));
        }

        public LatencySummary Summary() => _recorder.Summarize(_elapsed);

        public CpuUsage Cpu()
        {
            var seconds = _cpu.Sum(slice => slice.Seconds);
            double Mean(Func<CpuUsage, double> party) => _cpu.Sum(slice => party(slice.Usage) * slice.Seconds) / seconds;
            return new CpuUsage(
                Mean(usage => usage.HubCores), Mean(usage => usage.BenchmarkCores), Mean(usage => usage.PostgresCores),
                Mean(usage => usage.MachineCores), Mean(usage => usage.OtherCores), Environment.ProcessorCount);
        }
    }
}
