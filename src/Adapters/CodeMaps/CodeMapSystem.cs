namespace Exchange.Adapters.CodeMaps;

/// <summary>The hub code systems a source's local codes can be mapped to.</summary>
public enum CodeMapSystem
{
    /// <summary>National 4-digit vaccine codes (<c>vaccine-codes.csv</c>).</summary>
    Vaccine = 1,

    /// <summary>GB/T 2261.1 sex codes (<c>sex.csv</c>).</summary>
    Sex = 2,

    /// <summary>GB/T 2260 region codes, current or retired (<c>regions-gbt2260.csv</c>).</summary>
    Region = 3,

    /// <summary>Routes of administration (<c>route.csv</c>).</summary>
    Route = 4,

    /// <summary>Body sites (<c>site.csv</c>).</summary>
    Site = 5,

    /// <summary>Vaccination kinds, 接种属性 (<c>vaccination-kind.csv</c>).</summary>
    Kind = 6,
}
