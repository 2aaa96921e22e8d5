namespace Exchange.Adapters.CodeSystems;

/// <summary>Level of an administrative division in GB/T 2260.</summary>
public enum RegionLevel
{
    /// <summary>Province-level (省级): provinces, autonomous regions, municipalities, SARs.</summary>
    Province = 1,

    /// <summary>Prefecture-level (地级): prefecture-level cities, prefectures, autonomous prefectures, leagues.</summary>
    Prefecture = 2,

    /// <summary>County-level (县级): districts, counties, county-level cities, banners.</summary>
    County = 3,
}
