using System.Text.Json.Serialization;
namespace Exchange.Adapters.Model;

/// <summary>A normalized dose as one source reported it; the record turns it into a <see cref="VaccinationEvent"/>.</summary>
public sealed record DoseReport(
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
    string? SourceRecordId)
{
    [JsonIgnore]
    public DoseKey DoseKey => new(VaccineCode, DoseNumber, Date);
}
