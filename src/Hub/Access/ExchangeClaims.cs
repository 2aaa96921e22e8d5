using System.Security.Claims;
using Exchange.Silo.Access;

namespace Exchange.Hub.Access;

/// <summary>
/// The claims an authenticated system carries: who it is, its role, its own unit and region. Its further units are not
/// claims (up to 500 of them, built per request): the call's <see cref="Callers.Caller"/> holds them as a set.
/// </summary>
internal static class ExchangeClaims
{
    public const string SystemId = "exchange:system";
    public const string Role = ClaimTypes.Role;
    public const string UnitCode = "exchange:unit";
    public const string RegionCode = "exchange:region";

    /// <summary>How the system proved itself: "api-key" or "client-certificate".</summary>
    public const string Method = "exchange:auth-method";

    public static ClaimsPrincipal Principal(RegisteredSystem system, string method)
    {
        var claims = new List<Claim>
        {
            new(SystemId, system.SystemId),
            new(Role, system.Role.ToString()),
            new(Method, method),
        };
        if (system.UnitCode is { } unit)
        {
            claims.Add(new Claim(UnitCode, unit));
        }

        if (system.RegionCode is { } region)
        {
            claims.Add(new Claim(RegionCode, region));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, ExchangeAuthentication.Scheme, SystemId, Role));
    }
}
