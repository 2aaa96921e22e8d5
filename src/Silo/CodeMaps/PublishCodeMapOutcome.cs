using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Results;

namespace Exchange.Silo.CodeMaps;

/// <summary>The published version, or why nothing was published (invalid entries; a Conflict when another version became current).</summary>
[GenerateSerializer, Immutable, Alias("exchange.publish-code-map-outcome.v1")]
public sealed record PublishCodeMapOutcome([property: Id(0)] SourceCodeMap? Published, [property: Id(1)] Issue[] Issues);
