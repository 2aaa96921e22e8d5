using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Exchange.Silo.Access;

namespace Exchange.Hub.Callers;

/// <summary>The authenticated system on the other end of a call, from its credentials.</summary>
/// <param name="UnitCode">The system's own 10-digit unit code (clinics and hospitals), stamped on what it writes.</param>
/// <param name="RegionCode">GB/T 2260 region the system serves, when registered.</param>
internal sealed record Caller(string SystemId, SystemRole Role, string? UnitCode, string? RegionCode)
{
    // One caller per registry answer: the credential cache keeps an answer (a RegisteredSystem) for its whole window.
    private static readonly ConditionalWeakTable<RegisteredSystem, Caller> ByRegistration = [];

    /// <summary>Further units the system reports for (a county-level platform's clinics, up to 500).</summary>
    public IReadOnlySet<string> OtherUnits { get; init; } = FrozenSet<string>.Empty;

    /// <summary>True when the system may name this unit as administering or managing unit.</summary>
    public bool Serves(string unitCode) => unitCode == UnitCode || OtherUnits.Contains(unitCode);

    /// <summary>
    /// The caller a registered system acts as, built once per <paramref name="system"/> instance. A unit code's first
    /// six digits are its county (GB/T 2260): the region of a system registered without one.
    /// </summary>
    public static Caller Of(RegisteredSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return ByRegistration.GetValue(system, static registered => new Caller(
            registered.SystemId,
            registered.Role,
            registered.UnitCode,
            registered.RegionCode ?? (registered.UnitCode is { Length: >= 6 } unit ? unit[..6] : null))
        {
            OtherUnits = registered.OtherUnits.ToFrozenSet(StringComparer.Ordinal),
        });
    }
}
