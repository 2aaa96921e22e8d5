using Exchange.Adapters.CodeMaps;
using Exchange.Adapters.Normalization;
using Exchange.Silo.CodeMaps;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Grpc.Mapping;

/// <summary>Code-map wire messages to adapter values and back.</summary>
internal static class CodeMapMapping
{
    // Wire values of CodeSystem equal CodeMapSystem's by design; 0 (unspecified) stays 0, which validation refuses.
    public static CodeMapEntry ToModel(this V1.CodeMapEntry entry) => new((CodeMapSystem)(int)entry.System, entry.LocalCode, entry.CanonicalCode);

    public static V1.CodeMapVersion ToProto(this SourceCodeMap map, bool current)
    {
        var proto = new V1.CodeMapVersion
        {
            SourceSystem = map.SourceSystem,
            Version = map.Version,
            Label = map.Label,
            Author = map.Author,
            CreatedAt = CanonicalDates.Format(map.CreatedAt),
            Comment = map.Comment ?? string.Empty,
            Current = current,
            EntryCount = map.Entries.Count,
        };
        proto.Entries.AddRange(map.Entries.Select(entry => new V1.CodeMapEntry
        {
            System = (V1.CodeSystem)(int)entry.System,
            LocalCode = entry.LocalCode,
            CanonicalCode = entry.CanonicalCode,
        }));
        return proto;
    }

    public static V1.CodeMapVersion ToProto(this CodeMapVersionSummary summary) => new()
    {
        SourceSystem = summary.SourceSystem,
        Version = summary.Version,
        Label = SourceCodeMap.LabelOf(summary.SourceSystem, summary.Version),
        Author = summary.Author,
        CreatedAt = CanonicalDates.Format(summary.CreatedAt),
        Comment = summary.Comment ?? string.Empty,
        Current = summary.Current,
        EntryCount = summary.EntryCount,
    };
}
