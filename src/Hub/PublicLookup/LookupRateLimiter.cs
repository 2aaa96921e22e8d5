using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Exchange.Hub.Access;
using Microsoft.Extensions.Options;

namespace Exchange.Hub.PublicLookup;

/// <summary>
/// Limits public lookups per end user of the portal and per looked-up key (certificate number or mother's ID number),
/// so that trying many keys, or many birth dates for one key, is impractical. Keys are held only as SHA-256 hashes.
/// The counts are per node: a cluster of n nodes allows up to n times the limits (a cluster-wide limit would be a
/// grain per key).
/// </summary>
internal sealed class LookupRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perClient;
    private readonly PartitionedRateLimiter<string> _perKey;
    private readonly PublicLookupOptions _options;

    public LookupRateLimiter(IOptions<AccessOptions> options)
    {
        _options = options.Value.PublicLookup;
        _perClient = Create(_options.PerClientLimit, _options.PerClientWindow);
        _perKey = Create(_options.PerKeyLimit, _options.PerKeyWindow);
    }

    /// <summary>Counts one lookup; null when allowed, otherwise how long until the caller may try again.</summary>
    public TimeSpan? TryAcquireClient(string client) => TryAcquire(_perClient, Hash(client), _options.PerClientWindow);

    /// <inheritdoc cref="TryAcquireClient"/>
    public TimeSpan? TryAcquireKey(string key) => TryAcquire(_perKey, Hash(key), _options.PerKeyWindow);

    public void Dispose()
    {
        _perClient.Dispose();
        _perKey.Dispose();
    }

    private static TimeSpan? TryAcquire(PartitionedRateLimiter<string> limiter, string partition, TimeSpan window)
    {
        using var lease = limiter.AttemptAcquire(partition);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : window;
    }

    // Replenished by the partitioned limiter's own heartbeat (AutoReplenishment off), so partitions need no timers.
    // A partition is dropped only once its window has refilled, so dropping never forgives a lookup.
    private static PartitionedRateLimiter<string> Create(int limit, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = false,
        }));

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
