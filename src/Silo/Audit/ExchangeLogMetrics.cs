using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Exchange.Silo.Audit;

/// <summary>
/// How long exchanges wait for the exchange log: the part of every call's latency that the log adds. Each measurement
/// is tagged with its chain. Read them with any System.Diagnostics.Metrics listener, e.g.
/// <c>dotnet-counters monitor -n Exchange.Hub --counters Exchange.ExchangeLog</c>.
/// </summary>
public static class ExchangeLogMetrics
{
    public const string MeterName = "Exchange.ExchangeLog";
    public const string EntryWaitName = "exchange_log.entry.wait";
    public const string AppendName = "exchange_log.append.duration";
    public const string BatchSizeName = "exchange_log.batch.size";
    public const string ChainTag = "chain";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> EntryWait = Meter.CreateHistogram<double>(
        EntryWaitName, "ms", "From an exchange asking for its entry to the entry's commit.");

    private static readonly Histogram<double> Append = Meter.CreateHistogram<double>(
        AppendName, "ms", "One batch's write and commit.");

    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        BatchSizeName, "{entry}", "Entries written in one transaction.");

    internal static void Appended(string chainId, int entries, long startedAt, long committedAt)
    {
        var chain = new KeyValuePair<string, object?>(ChainTag, chainId);
        Append.Record(Stopwatch.GetElapsedTime(startedAt, committedAt).TotalMilliseconds, chain);
        BatchSize.Record(entries, chain);
    }

    internal static void Waited(string chainId, long queuedAt, long committedAt)
    {
        if (EntryWait.Enabled)
        {
            EntryWait.Record(Stopwatch.GetElapsedTime(queuedAt, committedAt).TotalMilliseconds, new KeyValuePair<string, object?>(ChainTag, chainId));
        }
    }
}
