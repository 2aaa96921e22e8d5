using System.Security.Cryptography;
using System.Text;
using Exchange.Hub.Access;
using Exchange.Silo.RateLimits;
using Microsoft.Extensions.Options;

namespace Exchange.Hub.PublicLookup;

/// <summary>
/// Limits public lookups per end user of the portal and per looked-up key (certificate number or mother's ID number),
/// so that trying many keys, or many birth dates for one key, is impractical. Keys are held only as HMAC-SHA256 hashes
/// under the cluster's secret (<see cref="ILookupKeySecretGrain"/>), which cannot be reversed by trying every number.
/// The counts are cluster-wide: each client and each key has one <see cref="ILookupQuotaGrain"/> in the cluster, so
/// spreading lookups over the nodes gains nothing.
/// </summary>
internal sealed class LookupRateLimiter(IGrainFactory grains, IOptions<AccessOptions> options)
{
    private readonly PublicLookupOptions _options = options.Value.PublicLookup;
    private byte[]? _secret;

    /// <summary>Counts one lookup; null when allowed, otherwise how long until the caller may try again.</summary>
    public Task<TimeSpan?> TryAcquireClientAsync(string client) =>
        TryAcquireAsync("client:", client, _options.PerClientLimit, _options.PerClientWindow);

    /// <inheritdoc cref="TryAcquireClientAsync"/>
    public Task<TimeSpan?> TryAcquireKeyAsync(string key) =>
        TryAcquireAsync("key:", key, _options.PerKeyLimit, _options.PerKeyWindow);

    private async Task<TimeSpan?> TryAcquireAsync(string kind, string value, int limit, TimeSpan window)
    {
        _secret ??= await grains.GetGrain<ILookupKeySecretGrain>(0).GetAsync();
        var quota = kind + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(value)));
        var retryAfter = await grains.GetGrain<ILookupQuotaGrain>(quota).TryAcquireAsync(limit, window);
        return retryAfter is null ? null : retryAfter > TimeSpan.Zero ? retryAfter : window;
    }
}
