namespace Exchange.Silo.Grains;

/// <summary>Names of the grain storage provider and of each persisted state (the state name keys the stored row).</summary>
public static class StorageNames
{
    /// <summary>The ADO.NET grain storage provider holding every record.</summary>
    public const string Records = "records";

    public const string PersonState = "person";
    /// <summary>Named in 010-grain-state.sql too: a new claim of this state commits without waiting for its WAL flush.</summary>
    public const string IdentifierState = "identifier";

    /// <summary>One source system's code map versions (<see cref="CodeMaps.ICodeMapGrain"/>).</summary>
    public const string CodeMapState = "codemap";

    public const string AccessRegistryState = "access-registry";

    /// <summary>The secret that names public-lookup quotas (<see cref="RateLimits.ILookupKeySecretGrain"/>).</summary>
    public const string LookupKeySecretState = "lookup-key-secret";
}
