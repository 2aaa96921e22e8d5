namespace Exchange.Adapters.CodeSystems;

/// <summary>Whether a GB/T 2260 code is in the current published list.</summary>
public enum RegionStatus
{
    /// <summary>In the current list (the version in the manifest).</summary>
    Current = 0,

    /// <summary>
    /// No longer in the list, but still valid history: an identity number's address part keeps the county code at issuance.
    /// </summary>
    Retired = 1,
}
