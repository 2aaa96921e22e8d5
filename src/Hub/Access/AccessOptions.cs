namespace Exchange.Hub.Access;

/// <summary>Credentials and public-lookup limits. Configuration section "Access".</summary>
internal sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>
    /// An administrator key ("exk_&lt;id&gt;_&lt;64 hex&gt;") that creates the system "bootstrap-admin" when the registry
    /// has no usable administrator. Without it, the first start writes a generated key to
    /// &lt;DataFolder&gt;/bootstrap-admin.key instead.
    /// </summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>How long a node trusts a key or certificate it verified; a revocation reaches other nodes within this.</summary>
    public TimeSpan CredentialCacheTime { get; set; } = TimeSpan.FromSeconds(30);

    public PublicLookupOptions PublicLookup { get; set; } = new();

    public IEnumerable<string> Problems()
    {
        if (!string.IsNullOrEmpty(BootstrapAdminKey) && !ApiKeyFormat.TryParse(BootstrapAdminKey, out _, out _))
        {
            yield return "Access:BootstrapAdminKey must read exk_<key id: 4-32 lower-case letters or digits>_<64 hex characters>, e.g. exk_admin_$(openssl rand -hex 32).";
        }

        if (CredentialCacheTime < TimeSpan.Zero || CredentialCacheTime > TimeSpan.FromMinutes(10))
        {
            yield return "Access:CredentialCacheTime must be between 00:00:00 and 00:10:00.";
        }

        foreach (var problem in PublicLookup.Problems())
        {
            yield return problem;
        }
    }
}

/// <summary>Rate limits of the public lookup, counted cluster-wide. Section "Access:PublicLookup".</summary>
internal sealed class PublicLookupOptions
{
    /// <summary>Lookups of one certificate number or mother's ID number per <see cref="PerKeyWindow"/>.</summary>
    public int PerKeyLimit { get; set; } = 5;

    public TimeSpan PerKeyWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Lookups by one end user of the portal per <see cref="PerClientWindow"/>.</summary>
    public int PerClientLimit { get; set; } = 30;

    public TimeSpan PerClientWindow { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<string> Problems()
    {
        if (PerKeyLimit < 1 || PerClientLimit < 1)
        {
            yield return "Access:PublicLookup:PerKeyLimit and PerClientLimit must be at least 1.";
        }

        if (PerKeyWindow <= TimeSpan.Zero || PerClientWindow <= TimeSpan.Zero)
        {
            yield return "Access:PublicLookup:PerKeyWindow and PerClientWindow must be positive times, e.g. 01:00:00.";
        }
    }
}
