namespace Exchange.Adapters.CodeMaps;

/// <summary>
/// Translates the codes one source sends into hub codes: the source's code map first, then the hub's own tables and
/// aliases. Normalizers take one per request; every edge (gRPC, FHIR) gets it the same way.
/// </summary>
public interface ICodeTranslator
{
    /// <summary>The label (<c>{source}@{version}</c>) of the source's code map in force, or null when it has none.</summary>
    string? MapVersion { get; }

    /// <summary>
    /// The hub code of <paramref name="reported"/> in <paramref name="system"/>. For vaccines a national code, a CVX code
    /// (1-3 digits, or prefixed <c>cvx:</c>), a short name or alias (<c>HepB</c>, <c>乙肝</c>) all resolve; for sex,
    /// route, site and kind the hub code, the member name, the Chinese name, the HL7 v2 code or an alias; for regions a
    /// GB/T 2260 code in the table (retired codes included).
    /// </summary>
    CodeTranslation Translate(CodeMapSystem system, string reported);
}
