namespace Exchange.Adapters.CodeMaps;

/// <summary>One line of a source's code map: the source's own code and the hub code it stands for.</summary>
/// <param name="LocalCode">The code as the source sends it, cleaned (half-width, no spaces, upper-case).</param>
/// <param name="CanonicalCode">The hub code (e.g. national vaccine code <c>0202</c>, sex <c>1</c>).</param>
public sealed record CodeMapEntry(CodeMapSystem System, string LocalCode, string CanonicalCode);
