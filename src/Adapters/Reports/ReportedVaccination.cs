using Exchange.Adapters.Model;

namespace Exchange.Adapters.Reports;

/// <summary>A dose as a source sent it, before normalization.</summary>
public sealed record ReportedVaccination(
    string? VaccineCode,
    int DoseNumber,
    string? Date,
    string? LotNumber,
    string? ExpiryDate,
    string? ManufacturerCode,
    string? TraceabilityCode,
    string? AdministeringUnit,
    Route Route,
    Site Site,
    string? Vaccinator,
    VaccinationKind? Kind,
    string? SourceRecordId);
