using Exchange.Adapters.Model;

namespace Exchange.Adapters.Reports;

/// <summary>A person as a source sent it, before normalization: free text where the source has free text.</summary>
public sealed record ReportedPerson(
    IReadOnlyList<ReportedIdentifier> Identifiers,
    string? Name,
    Sex? Sex,
    string? BirthDate,
    string? BirthTime,
    int? BirthWeightGrams,
    Contact? Mother,
    Contact? Guardian,
    string? HouseholdRegion,
    string? ResidenceRegion,
    string? ManagingUnit);
