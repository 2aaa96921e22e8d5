using Exchange.Silo.Access;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Exchange.Hub.Access;

/// <summary>
/// Verifies presented credentials against the registry grain. What the registry answered for a key id or thumbprint is
/// cached on this node for <see cref="AccessOptions.CredentialCacheTime"/> (30 s by default), so the grain is asked
/// about each credential about twice a minute per node instead of on every call. The price: a revocation or
/// disabling takes effect at once on the node that made it and within that time on the others.
/// </summary>
internal sealed class CredentialVerifier(IGrainFactory grains, TimeProvider time, IOptions<AccessOptions> options) : IDisposable
{
    private const int MaxCachedEntries = 20_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxCachedEntries });
    private readonly TimeSpan _cacheTime = options.Value.CredentialCacheTime;

    private IAccessRegistryGrain Registry => grains.GetGrain<IAccessRegistryGrain>(IAccessRegistryGrain.Key);

    /// <summary>The system a key belongs to, or why it is refused.</summary>
    public async Task<(RegisteredSystem? System, string? Refusal)> VerifyKeyAsync(string presented)
    {
        if (!ApiKeyFormat.TryParse(presented, out var keyId, out var secret))
        {
            return (null, "the bearer token is not an Exchange API key (exk_<id>_<secret>)");
        }

        var credential = await CachedAsync($"key:{keyId}", () => Registry.FindKeyAsync(keyId));
        if (credential is null || !ApiKeyFormat.Matches(secret, credential.Key.SecretHash))
        {
            return (null, "the API key is not valid");
        }

        if (!credential.Key.IsActive(time.GetUtcNow()))
        {
            return (null, "the API key is revoked or expired");
        }

        return credential.System.Enabled ? (credential.System, null) : (null, "the system is disabled");
    }

    /// <summary>The system a client certificate is bound to, or why it is refused.</summary>
    public async Task<(RegisteredSystem? System, string? Refusal)> VerifyCertificateAsync(string thumbprint)
    {
        var system = await CachedAsync($"cert:{thumbprint}", () => Registry.FindByCertificateAsync(thumbprint));
        if (system is null)
        {
            return (null, "the client certificate is not bound to any system");
        }

        return system.Enabled ? (system, null) : (null, "the system is disabled");
    }

    /// <summary>Drops what this node cached about a key, so a revocation here takes effect at once.</summary>
    public void ForgetKey(string keyId) => _cache.Remove($"key:{keyId}");

    public void ForgetCertificate(string thumbprint) => _cache.Remove($"cert:{thumbprint}");

    /// <summary>Drops everything cached, e.g. after a system was disabled or changed.</summary>
    public void ForgetAll() => _cache.Clear();

    public void Dispose() => _cache.Dispose();

    private async Task<T?> CachedAsync<T>(string cacheKey, Func<Task<T?>> load)
        where T : class
    {
        if (_cache.TryGetValue(cacheKey, out T? cached))
        {
            return cached;
        }

        var value = await load();
        if (_cacheTime > TimeSpan.Zero)
        {
            // Misses are cached too, so a flood of made-up key ids does not reach the grain more than once each per window.
            _cache.Set(cacheKey, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _cacheTime, Size = 1 });
        }

        return value;
    }
}
