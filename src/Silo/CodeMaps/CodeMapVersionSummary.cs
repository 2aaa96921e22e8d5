namespace Exchange.Silo.CodeMaps;

/// <summary>One version of a source's code map without its entries.</summary>
[GenerateSerializer, Immutable, Alias("exchange.code-map-version-summary.v1")]
public sealed record CodeMapVersionSummary(
    [property: Id(0)] string SourceSystem,
    [property: Id(1)] int Version,
    [property: Id(2)] string Author,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string? Comment,
    [property: Id(5)] int EntryCount,
    [property: Id(6)] bool Current);
