using Exchange.Adapters.Model;

namespace Exchange.Adapters.Reports;

/// <summary>A dose as a source sent it, before normalization.</summary>
/// <param name="VaccineCode">National code, CVX code, short name, alias or a code of the source's code map.</param>
/// <param name="RouteCode">Route as the source codes it; when set, used instead of <paramref name="Route"/>.</param>
/// <param name="SiteCode">Site as the source codes it; when set, used instead of <paramref name="Site"/>.</param>
/// <param name="KindCode">Vaccination kind as the source codes it; when set, used instead of <paramref name="Kind"/>.</param>
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
    string? SourceRecordId,
    string? RouteCode = null,
    string? SiteCode = null,
    string? KindCode = null);
