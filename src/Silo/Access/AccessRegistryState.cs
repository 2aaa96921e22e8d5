namespace Exchange.Silo.Access;

/// <summary>Persisted state of the access registry: every system, key and client certificate.</summary>
public sealed class AccessRegistryState
{
    public Dictionary<string, RegisteredSystem> Systems { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Keyed by key id.</summary>
    public Dictionary<string, ApiKey> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Keyed by thumbprint.</summary>
    public Dictionary<string, ClientCertificate> Certificates { get; set; } = new(StringComparer.Ordinal);
}
