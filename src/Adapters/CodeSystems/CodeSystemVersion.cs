namespace Exchange.Adapters.CodeSystems;

/// <summary>Version information of one code-system data file, as declared in <c>Data/manifest.json</c>.</summary>
/// <param name="Name">Code-system name, e.g. <c>vaccine-codes</c>.</param>
/// <param name="File">Data file name, e.g. <c>vaccine-codes.csv</c>.</param>
/// <param name="Version">Version of the table, e.g. <c>2026.1</c> or, for GB/T 2260, the list's year and month.</param>
/// <param name="Effective">Date from which the table's content applies.</param>
/// <param name="Source">Where the facts in the table come from.</param>
public sealed record CodeSystemVersion(string Name, string File, string Version, DateOnly Effective, string Source);
