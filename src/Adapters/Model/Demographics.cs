namespace Exchange.Adapters.Model;

/// <summary>The registration facts of a person: who they are and where they are managed.</summary>
/// <param name="HouseholdRegion">Household-registration (户籍) region, GB/T 2260.</param>
/// <param name="ResidenceRegion">Current residence region, GB/T 2260.</param>
/// <param name="ManagingUnit">10-digit code of the vaccination unit that manages the person.</param>
/// <param name="NameAsReported">The name exactly as the source wrote it, when that differs from the cleaned <paramref name="Name"/> (full-width letters, extra spaces, a variant middle dot); null when it is the same.</param>
public sealed record Demographics(
    string Name,
    Sex Sex,
    DateOnly BirthDate,
    TimeOnly? BirthTime,
    int? BirthWeightGrams,
    Contact? Mother,
    Contact? Guardian,
    string? HouseholdRegion,
    string ResidenceRegion,
    string ManagingUnit,
    string? NameAsReported = null);
