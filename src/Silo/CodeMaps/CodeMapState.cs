using Exchange.Adapters.CodeMaps;

namespace Exchange.Silo.CodeMaps;

/// <summary>Persisted state of one source's code map: every version ever published, oldest first; the last is current.</summary>
public sealed class CodeMapState
{
    public List<SourceCodeMap> Versions { get; set; } = [];
}
