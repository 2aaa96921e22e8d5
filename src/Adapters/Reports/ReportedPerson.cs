using Exchange.Adapters.Model;

namespace Exchange.Adapters.Reports;

/// <summary>A person as a source sent it, before normalization: free text where the source has free text.</summary>
/// <param name="SexCode">Sex as the source codes it (1/2, M/F, 男/女 or a code of its code map); used when <paramref name="Sex"/> is null.</param>
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
    string? ManagingUnit,
    string? SexCode = null);
