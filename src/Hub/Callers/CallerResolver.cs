using System.Security.Claims;
using Exchange.Hub.Access;
using Exchange.Silo.Access;
using Grpc.Core;

namespace Exchange.Hub.Callers;

/// <summary>Names the authenticated system on the other end of every call, or refuses the call.</summary>
internal interface ICallerResolver
{
    /// <exception cref="RpcException">UNAUTHENTICATED when the call carries no accepted credentials.</exception>
    Caller Resolve(ServerCallContext context);

    /// <summary>The caller of an HTTP request (FHIR), or null when it is not authenticated.</summary>
    Caller? Resolve(HttpContext context);
}

/// <summary>
/// Builds the caller from the principal the authentication handler put on the request; nothing the caller says
/// about itself in headers is trusted.
/// </summary>
internal sealed class ClaimsCallerResolver : ICallerResolver
{
    public Caller Resolve(ServerCallContext context) =>
        Resolve(context.GetHttpContext())
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "authentication required: send 'Authorization: Bearer <api key>'"));

    public Caller? Resolve(HttpContext context) => FromPrincipal(context.User);

    public static Caller? FromPrincipal(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || user.FindFirst(ExchangeClaims.SystemId)?.Value is not { } systemId
            || !Enum.TryParse<SystemRole>(user.FindFirst(ExchangeClaims.Role)?.Value, out var role))
        {
            return null;
        }

        // A unit code's first six digits are its county (GB/T 2260): the region of a system registered without one.
        var unitCode = user.FindFirst(ExchangeClaims.UnitCode)?.Value;
        var regionCode = user.FindFirst(ExchangeClaims.RegionCode)?.Value ?? (unitCode is { Length: >= 6 } ? unitCode[..6] : null);
        return new Caller(systemId, role, unitCode, regionCode)
        {
            OtherUnits = [.. user.FindAll(ExchangeClaims.OtherUnit).Select(claim => claim.Value)],
        };
    }
}
