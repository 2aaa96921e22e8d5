using Exchange.Adapters.Results;
using Exchange.Hub.Callers;
using Exchange.Hub.Errors;
using Exchange.Silo.Access;
using Exchange.Silo.Schedule;
using Grpc.Core;

namespace Exchange.Hub.Schedule;

/// <summary>
/// Which report areas a caller may read. A clinic or hospital reads its own units (its unit and the units it reports
/// for), never a county or wider; a disease-control centre reads its region and any area inside it. Due lists carry
/// children's names and guardians' phones, coverage only counts, but both follow the same rule.
/// </summary>
internal static class ReportScope
{
    /// <exception cref="RpcException">PERMISSION_DENIED with a field violation on <paramref name="field"/>.</exception>
    public static void Demand(Caller caller, Area area, string field)
    {
        if (Refusal(caller, area) is { } reason)
        {
            throw RpcErrors.FromIssues([new Issue(IssueCode.Forbidden, field, reason)]);
        }
    }

    /// <summary>Why <paramref name="caller"/> may not read <paramref name="area"/>, or null when it may.</summary>
    public static string? Refusal(Caller caller, Area area) => caller.Role switch
    {
        SystemRole.Clinic or SystemRole.Hospital => area.Level == AreaLevel.Unit && caller.Serves(area.Code)
            ? null
            : $"system '{caller.SystemId}' reads reports of its own units only ({Units(caller)}); {area.Code} is not one of them",
        SystemRole.DiseaseControl => Area.Parse(caller.RegionCode) is { } region && Contains(region, area)
            ? null
            : $"disease-control system '{caller.SystemId}' reads reports of region {caller.RegionCode ?? "(none registered)"} and the areas inside it; {area.Code} is outside it",
        _ => $"system '{caller.SystemId}' may not read schedule reports",
    };

    /// <summary>True when <paramref name="area"/> is <paramref name="region"/> or lies inside it (unit → county → city → province by code).</summary>
    public static bool Contains(Area region, Area area) =>
        area.Level <= region.Level && area.Prefix.StartsWith(region.Prefix, StringComparison.Ordinal);

    private static string Units(Caller caller) =>
        caller.OtherUnits.Count == 0 ? caller.UnitCode ?? "none" : $"{caller.UnitCode} and {caller.OtherUnits.Count} more";
}
