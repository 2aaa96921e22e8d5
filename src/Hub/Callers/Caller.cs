using Exchange.Silo.Access;

namespace Exchange.Hub.Callers;

/// <summary>The authenticated system on the other end of a call, from its credentials.</summary>
/// <param name="UnitCode">The system's own 10-digit unit code (clinics and hospitals), stamped on what it writes.</param>
/// <param name="RegionCode">GB/T 2260 region the system serves, when registered.</param>
internal sealed record Caller(string SystemId, SystemRole Role, string? UnitCode, string? RegionCode)
{
    /// <summary>Further units the system reports for (a county-level platform's clinics).</summary>
    public IReadOnlyList<string> OtherUnits { get; init; } = [];

    /// <summary>True when the system may name this unit as administering or managing unit.</summary>
    public bool Serves(string unitCode) => unitCode == UnitCode || OtherUnits.Contains(unitCode, StringComparer.Ordinal);
}
