namespace Exchange.Adapters.Model;

/// <summary>The canonical record of one person (a child first; adults fit the same model).</summary>
public sealed record PersonRecord(
    string HubId,
    IReadOnlyList<PersonIdentifier> Identifiers,
    Demographics Demographics,
    RegisterStatus RegisterStatus,
    IReadOnlyList<RegisterStatusChange> StatusHistory,
    IReadOnlyList<VaccinationEvent> Vaccinations,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
