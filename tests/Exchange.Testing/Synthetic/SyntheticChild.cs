namespace Exchange.Testing.Synthetic;

/// <summary>A synthetic child as a clinic system would hold it. All identifiers are well-formed.</summary>
/// <remarks>
/// <see cref="ChildCode"/> is the managing unit's code + birth year + a running sequence, unique within a run.
/// <see cref="ResidentIdNumber"/> is present for about half the children and matches birth date, sex and household region.
/// <see cref="ManagingUnit"/> is a unit in the residence region. <see cref="Doses"/> are the NIP 2021 doses due
/// by the population's as-of date, sorted by date.
/// </remarks>
public sealed record SyntheticChild(
    string ChildCode,
    string BirthCertificateNumber,
    string? ResidentIdNumber,
    string Name,
    bool IsMale,
    DateOnly BirthDate,
    TimeOnly BirthTime,
    int BirthWeightGrams,
    SyntheticContact Mother,
    string HouseholdRegion,
    string ResidenceRegion,
    string ManagingUnit,
    IReadOnlyList<SyntheticDose> Doses);
