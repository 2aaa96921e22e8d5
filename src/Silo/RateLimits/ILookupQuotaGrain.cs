namespace Exchange.Silo.RateLimits;

/// <summary>
/// One fixed-window lookup quota, cluster-wide: one activation per key in the whole cluster, so every node counts
/// against the same budget. Keyed by what is limited, held only as a keyed hash ("client:&lt;hmac&gt;", "key:&lt;hmac&gt;", see
/// <see cref="ILookupKeySecretGrain"/>).
/// </summary>
[Alias("exchange.lookup-quota-grain")]
public interface ILookupQuotaGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts one lookup when the current window has room for it and returns null; otherwise counts nothing and
    /// returns how long until the window ends. The caller passes the limit and window (from its own configuration),
    /// so the grain holds no settings; a window opens at the first lookup after the previous one ended.
    /// </summary>
    [Alias("try-acquire")]
    Task<TimeSpan?> TryAcquireAsync(int limit, TimeSpan window);
}
