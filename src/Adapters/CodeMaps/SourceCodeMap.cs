using System.Globalization;
using System.Text.Json.Serialization;

namespace Exchange.Adapters.CodeMaps;

/// <summary>
/// One published, immutable version of a source system's code map (local code -> hub code). Versions are numbered
/// from 1 per source; a new version replaces the whole table.
/// </summary>
/// <param name="SourceSystem">The source system the map belongs to (the caller's system id).</param>
/// <param name="Version">1, 2, ... in publishing order.</param>
/// <param name="Author">Who published it (the calling system or operator).</param>
/// <param name="Comment">Why this version was published; null when none was given.</param>
public sealed record SourceCodeMap(
    string SourceSystem,
    int Version,
    IReadOnlyList<CodeMapEntry> Entries,
    string Author,
    DateTimeOffset CreatedAt,
    string? Comment)
{
    /// <summary>The label recorded on every fact this version translated: <c>{source}@{version}</c>.</summary>
    [JsonIgnore]
    public string Label => LabelOf(SourceSystem, Version);

    public static string LabelOf(string sourceSystem, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{sourceSystem}@{version}");
}
