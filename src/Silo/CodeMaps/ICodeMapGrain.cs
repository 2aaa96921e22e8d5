using Exchange.Adapters.CodeMaps;

namespace Exchange.Silo.CodeMaps;

/// <summary>
/// One source system's code map (key: the source system id): immutable numbered versions, the newest current.
/// The only writer of that map; a publish is durable before it returns.
/// </summary>
[Alias("exchange.code-map-grain")]
public interface ICodeMapGrain : IGrainWithStringKey
{
    /// <summary>Validates the entries against the hub code systems and stores them as the next version, now current.</summary>
    [Alias("publish")]
    Task<PublishCodeMapOutcome> PublishAsync(PublishCodeMapCommand command);

    /// <summary>The current version, or null when the source has no map.</summary>
    [Alias("current")]
    Task<SourceCodeMap?> GetCurrentAsync();

    /// <summary>A numbered version, or null when there is no such version.</summary>
    [Alias("version")]
    Task<SourceCodeMap?> GetVersionAsync(int version);

    /// <summary>Every version without its entries, newest first.</summary>
    [Alias("list")]
    Task<CodeMapVersionSummary[]> ListVersionsAsync();
}
