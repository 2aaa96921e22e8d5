using System.Diagnostics.Metrics;
using Exchange.Silo.Audit;

namespace Exchange.Silo.Tests.Audit;

/// <summary>What the exchange-log writer of one chain reports on its meter, as it is measured (tests run in parallel, each with its own chain).</summary>
internal sealed class ChainMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value)> _measured = [];

    public ChainMeasurements(string chain)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ExchangeLogMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags, chain));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags, chain));
        _listener.Start();
    }

    public double[] EntryWaits => Of(ExchangeLogMetrics.EntryWaitName);

    public double[] Appends => Of(ExchangeLogMetrics.AppendName);

    public int[] BatchSizes => [.. Of(ExchangeLogMetrics.BatchSizeName).Select(size => (int)size)];

    public void Dispose() => _listener.Dispose();

    private double[] Of(string instrument)
    {
        lock (_measured)
        {
            return [.. _measured.Where(measured => measured.Instrument == instrument).Select(measured => measured.Value)];
        }
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, string chain)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == ExchangeLogMetrics.ChainTag && Equals(tag.Value, chain))
            {
                lock (_measured)
                {
                    _measured.Add((instrument.Name, value));
                }

                return;
            }
        }
    }
}
