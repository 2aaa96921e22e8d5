namespace Exchange.Silo.RateLimits;

/// <summary>
/// The cluster's one secret for naming lookup quotas. A certificate or ID number comes from a small, structured space,
/// so a plain hash of it could be reversed by trying every number; quota grains are named with a keyed hash instead,
/// the same on every node. Use key 0.
/// </summary>
[Alias("exchange.lookup-key-secret-grain")]
public interface ILookupKeySecretGrain : IGrainWithIntegerKey
{
    /// <summary>The secret (32 random bytes), created and stored durably on first use.</summary>
    [Alias("get")]
    Task<byte[]> GetAsync();
}
