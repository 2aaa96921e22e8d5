using Exchange.Adapters.Results;

namespace Exchange.Silo.Access;

/// <summary>
/// The registry of systems allowed to call the hub and their credentials: one grain for the whole cluster (key
/// <see cref="Key"/>), persisted with the records, so it survives restarts and every node sees the same registry.
/// Nodes cache what they verify for a short time (see the hub's credential cache), so this grain is not on the path
/// of every call.
/// </summary>
[Alias("exchange.access-registry-grain")]
public interface IAccessRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>The one registry's grain key.</summary>
    const long Key = 0;

    /// <summary>Registers a new system (enabled); Conflict when the id is taken.</summary>
    [Alias("register-system")]
    Task<RegistryOutcome> RegisterSystemAsync(SystemDefinition definition);

    /// <summary>Replaces a system's name, role, units and region; NotFound for an unknown id.</summary>
    [Alias("update-system")]
    Task<RegistryOutcome> UpdateSystemAsync(SystemDefinition definition);

    /// <summary>Enables or disables a system; a disabled system's credentials stop working.</summary>
    [Alias("set-enabled")]
    Task<RegistryOutcome> SetEnabledAsync(string systemId, bool enabled);

    [Alias("list-systems")]
    Task<RegisteredSystem[]> ListSystemsAsync();

    /// <summary>Keys of one system (hashes included; the caller decides what to show).</summary>
    [Alias("list-keys")]
    Task<ApiKey[]> ListKeysAsync(string systemId);

    /// <summary>Client certificates bound to one system.</summary>
    [Alias("list-certificates")]
    Task<ClientCertificate[]> ListCertificatesAsync(string systemId);

    /// <summary>Stores a newly issued key of an existing system.</summary>
    [Alias("add-key")]
    Task<Issue[]> AddKeyAsync(ApiKey key);

    /// <summary>Revokes a key; revoking twice is harmless.</summary>
    [Alias("revoke-key")]
    Task<Issue[]> RevokeKeyAsync(string keyId);

    /// <summary>Binds a client-certificate thumbprint to a system; Conflict if it is bound to another.</summary>
    [Alias("bind-certificate")]
    Task<Issue[]> BindCertificateAsync(string thumbprint, string systemId);

    [Alias("unbind-certificate")]
    Task<Issue[]> UnbindCertificateAsync(string thumbprint);

    /// <summary>The key with this id and its system, or null.</summary>
    [Alias("find-key")]
    Task<KeyCredential?> FindKeyAsync(string keyId);

    /// <summary>The system a client certificate is bound to, or null.</summary>
    [Alias("find-certificate")]
    Task<RegisteredSystem?> FindByCertificateAsync(string thumbprint);

    /// <summary>
    /// When no enabled administrator has a usable credential, creates (or re-enables) the system
    /// <see cref="AccessRules.BootstrapSystemId"/> with this key and returns true; otherwise changes nothing.
    /// </summary>
    [Alias("bootstrap-administrator")]
    Task<bool> BootstrapAdministratorAsync(ApiKey key);
}
