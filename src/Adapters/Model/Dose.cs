using System.Text.Json.Serialization;

namespace Exchange.Adapters.Model;

/// <summary>The facts of one administered dose, in canonical codes.</summary>
/// <param name="VaccineCode">National 4-digit vaccine code.</param>
/// <param name="AdministeringUnit">10-digit vaccination-unit code.</param>
/// <param name="Cvx">
/// The CVX code the source reported, kept when it says more than the national code's own CVX mapping (e.g. CVX 08
/// pediatric HepB for national 0201, whose mapping is CVX 45 unspecified); null otherwise.
/// </param>
public sealed record Dose(
    string VaccineCode,
    int DoseNumber,
    DateOnly Date,
    string? LotNumber,
    DateOnly? ExpiryDate,
    string? ManufacturerCode,
    string? TraceabilityCode,
    string AdministeringUnit,
    Route Route,
    Site Site,
    string? Vaccinator,
    VaccinationKind Kind,
    string? Cvx = null)
{
    /// <summary>The same dose reported twice has the same vaccine, dose number and date.</summary>
    [JsonIgnore]
    public DoseKey Key => new(VaccineCode, DoseNumber, Date);
}

/// <summary>What makes two reports the same dose of the same person.</summary>
public readonly record struct DoseKey(string VaccineCode, int DoseNumber, DateOnly Date);
