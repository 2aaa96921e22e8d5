using System.Diagnostics;
using Exchange.Testing.Hosting;

namespace Exchange.Benchmark;

/// <summary>
/// Waits until the idle hub stops using CPU, so no measurement pays for work left over from the one before.
/// </summary>
/// <remarks>
/// The runtime re-compiles hot methods with full optimisation on one background thread. During the warm-up that thread
/// competes with the busy request threads and falls behind: a perf profile showed it using 9.6 CPU-seconds after the
/// warm-up had ended, half a core through the raw baseline and into the first seconds of the measured ingest. A hub
/// that has been serving for minutes has none of that work left, and the baseline should not share its cores with it.
/// </remarks>
internal static class HubSettling
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    // Timers, the exchange log's checkpoints and Orleans' housekeeping keep an idle hub at a few hundredths of a core.
    private const double IdleCores = 0.05;

    /// <summary>Returns how long the hub took to settle; gives up after <paramref name="limit"/>.</summary>
    public static async Task<TimeSpan> WaitUntilIdleAsync(HubProcess hub, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var clock = Stopwatch.StartNew();
        var previous = CpuSnapshot.Take(hub.ProcessId);
        while (clock.Elapsed < limit)
        {
            await Task.Delay(Window);
            var current = CpuSnapshot.Take(hub.ProcessId);
            if (current.Since(previous).HubCores < IdleCores)
            {
                break;
            }

            previous = current;
        }

        return clock.Elapsed;
    }
}
