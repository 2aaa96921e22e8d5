namespace Exchange.Testing.Synthetic;

/// <summary>One administered dose.</summary>
/// <remarks>
/// <see cref="DoseNumber"/> is the official number: polio doses run 1-4 across IPV and bOPV, meningococcal
/// doses 1-4 across MPSV-A and MPSV-AC. Doses of one product given in the same month share a lot.
/// <see cref="TraceabilityCode"/> is 20 digits (7-digit product identifier + 13-digit serial), unique within a run.
/// <see cref="AdministeringUnit"/> is the birth hospital for the birth doses, otherwise the managing unit.
/// Manufacturer codes are synthetic.
/// </remarks>
public sealed record SyntheticDose(
    string VaccineCode,
    int DoseNumber,
    DateOnly Date,
    string LotNumber,
    DateOnly ExpiryDate,
    string ManufacturerCode,
    string TraceabilityCode,
    string AdministeringUnit);
