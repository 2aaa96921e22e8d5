namespace Exchange.Adapters.CodeSystems;

/// <summary>One GB/T 2260 administrative division code.</summary>
/// <param name="Code">The 6-digit code.</param>
/// <param name="Name">Chinese name as published.</param>
/// <param name="Level">Province, prefecture or county level.</param>
/// <param name="Parent">
/// Code of the enclosing division; null for province level. A county directly under a municipality or a
/// province (no prefecture code in the list, e.g. Beijing's districts) has the province as parent.
/// </param>
/// <param name="Status">Current or retired.</param>
/// <param name="RetiredYear">Year the code was retired; null when current.</param>
/// <param name="Successor">Code that took over the area, when one did; null otherwise.</param>
/// <param name="Notes">What happened to a retired code and how certain that is; null when none.</param>
public sealed record RegionCodeEntry(
    string Code,
    string Name,
    RegionLevel Level,
    string? Parent,
    RegionStatus Status,
    int? RetiredYear,
    string? Successor,
    string? Notes)
{
    /// <summary>True when the code is in the current list.</summary>
    public bool IsCurrent => Status == RegionStatus.Current;
}
