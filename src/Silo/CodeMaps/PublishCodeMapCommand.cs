using Exchange.Adapters.CodeMaps;

namespace Exchange.Silo.CodeMaps;

/// <summary>Publish a new version of a source's code map.</summary>
/// <param name="Entries">The whole table of the new version.</param>
/// <param name="ExpectedCurrentVersion">When set, the publish fails unless this is the current version (0 = no map yet).</param>
[GenerateSerializer, Immutable, Alias("exchange.publish-code-map.v1")]
public sealed record PublishCodeMapCommand(
    [property: Id(0)] string Author,
    [property: Id(1)] CodeMapEntry[] Entries,
    [property: Id(2)] string? Comment,
    [property: Id(3)] int? ExpectedCurrentVersion,
    [property: Id(4)] DateTimeOffset PublishedAt);
