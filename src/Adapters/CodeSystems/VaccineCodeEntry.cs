namespace Exchange.Adapters.CodeSystems;

/// <summary>One national 4-digit vaccine code (疫苗编码).</summary>
/// <param name="Code">The 4-digit code, e.g. <c>0101</c>.</param>
/// <param name="Category">The first two digits (疫苗大类), e.g. <c>01</c> for BCG.</param>
/// <param name="Name">Full Chinese product name.</param>
/// <param name="ShortName">Short Latin abbreviation, e.g. <c>BCG</c>, <c>HepB-cho</c>.</param>
/// <param name="Nip">NIP status of the product.</param>
/// <param name="Cvx">CDC CVX code the product maps to, or null when none fits.</param>
/// <param name="IsLive">True for live attenuated vaccines.</param>
/// <param name="Notes">Source disagreements, mapping rationale; null when none.</param>
public sealed record VaccineCodeEntry(
    string Code,
    string Category,
    string Name,
    string ShortName,
    NipStatus Nip,
    string? Cvx,
    bool IsLive,
    string? Notes);
