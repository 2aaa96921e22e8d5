using System.Text.Json.Serialization;
namespace Exchange.Adapters.Model;

/// <summary>One administered dose, in canonical codes.</summary>
/// <param name="EventId">Hub-assigned id, unique within the person's record.</param>
/// <param name="VaccineCode">National 4-digit vaccine code.</param>
/// <param name="AdministeringUnit">10-digit vaccination-unit code.</param>
/// <param name="Sources">Every system that reported this dose; the first is the one that created it.</param>
public sealed record VaccinationEvent(
    string EventId,
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
    IReadOnlyList<EventSource> Sources)
{
    /// <summary>The same dose reported twice has the same vaccine, dose number and date.</summary>
    [JsonIgnore]
    public DoseKey DoseKey => new(VaccineCode, DoseNumber, Date);
}

/// <summary>What makes two reports the same dose of the same person.</summary>
public readonly record struct DoseKey(string VaccineCode, int DoseNumber, DateOnly Date);
