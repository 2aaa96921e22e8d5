namespace Exchange.Silo.Grains;

/// <summary>Names of the grain storage provider and of each persisted state (the state name keys the stored row).</summary>
public static class StorageNames
{
    /// <summary>The ADO.NET grain storage provider holding every record.</summary>
    public const string Records = "records";

    public const string PersonState = "person";
    /// <summary>
    /// Named in SQL too: 010-grain-state.sql (a new claim commits without waiting for its WAL flush), the person-state
    /// triggers (a new child's claims written with its record: 060-person-state-triggers.sql on PostgreSQL,
    /// 050-identifier-index.sql on SQLite) and <see cref="Registry.StoredIdentifierIndex"/>.
    /// </summary>
    public const string IdentifierState = "identifier";

    /// <summary>One source system's code map versions (<see cref="CodeMaps.ICodeMapGrain"/>).</summary>
    public const string CodeMapState = "codemap";

    public const string AccessRegistryState = "access-registry";

    /// <summary>The secret that names public-lookup quotas (<see cref="RateLimits.ILookupKeySecretGrain"/>).</summary>
    public const string LookupKeySecretState = "lookup-key-secret";
}
