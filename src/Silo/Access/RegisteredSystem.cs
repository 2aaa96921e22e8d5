namespace Exchange.Silo.Access;

/// <summary>A system allowed to call the hub, as the administrator registered it.</summary>
/// <param name="SystemId">Stable id, also the source-system name stamped on everything it writes.</param>
/// <param name="UnitCode">10-digit vaccination-unit code of the system's own unit; required for clinics and hospitals.</param>
/// <param name="RegionCode">GB/T 2260 region the system serves.</param>
/// <param name="OtherUnits">
/// Further units the system reports for, e.g. the clinics of a county-level vendor platform; empty for a system
/// that serves one unit.
/// </param>
[GenerateSerializer, Immutable, Alias("exchange.registered-system.v1")]
public sealed record RegisteredSystem(
    string SystemId,
    string DisplayName,
    SystemRole Role,
    string? UnitCode,
    string? RegionCode,
    string[] OtherUnits,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>True when the system may name <paramref name="unitCode"/> as an administering or managing unit.</summary>
    public bool Serves(string unitCode) => unitCode == UnitCode || OtherUnits.Contains(unitCode, StringComparer.Ordinal);
}

/// <summary>What an administrator sends to register or update a system.</summary>
[GenerateSerializer, Immutable, Alias("exchange.system-definition.v1")]
public sealed record SystemDefinition(
    string SystemId,
    string DisplayName,
    SystemRole Role,
    string? UnitCode,
    string? RegionCode,
    string[] OtherUnits);
