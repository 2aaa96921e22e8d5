namespace Exchange.Silo.RateLimits;

/// <summary>
/// Counts in memory only. An activation lost with its node (or shed under memory pressure) forgives what its window
/// had counted: at most one extra window's worth of lookups per key, which is acceptable for a limit meant to make
/// enumeration impractical, and much cheaper than a database write per lookup. So that idleness alone never forgives
/// a window, the activation stays alive until its window ends, and is collected once idle after that.
/// </summary>
/// <remarks>
/// Not a [StatelessWorker]: the point is one count per key for the whole cluster, which needs the single activation a
/// plain grain has.
/// </remarks>
[CollectionAgeLimit(Minutes = 2)]
internal sealed class LookupQuotaGrain(TimeProvider time) : Grain, ILookupQuotaGrain
{
    private DateTimeOffset _windowEnds = DateTimeOffset.MinValue;
    private int _counted;

    public Task<TimeSpan?> TryAcquireAsync(int limit, TimeSpan window)
    {
        var now = time.GetUtcNow();
        if (now >= _windowEnds)
        {
            _windowEnds = now + window;
            _counted = 0;
            DelayDeactivation(window);
        }

        if (_counted >= limit)
        {
            return Task.FromResult<TimeSpan?>(_windowEnds - now);
        }

        _counted++;
        return Task.FromResult<TimeSpan?>(null);
    }
}
