using Grpc.Core;

namespace Exchange.Hub.Callers;

/// <summary>Names the system on the other end of every call, or refuses the call.</summary>
internal interface ICallerResolver
{
    /// <exception cref="RpcException">UNAUTHENTICATED when the caller cannot be named.</exception>
    Caller Resolve(ServerCallContext context);
}

/// <summary>
/// Until credentials are issued (access-control work), a system names itself in the <c>x-exchange-system</c>
/// header; a call without it is refused.
/// </summary>
internal sealed class HeaderCallerResolver : ICallerResolver
{
    public const string SystemHeader = "x-exchange-system";

    /// <summary>Optional: the caller's vaccination unit (10 digits); its first 6 digits are the caller's county.</summary>
    public const string UnitHeader = "x-exchange-unit";
    private const int MaxSystemIdLength = 64;

    public Caller Resolve(ServerCallContext context)
    {
        var systemId = context.RequestHeaders.GetValue(SystemHeader)?.Trim();
        if (string.IsNullOrEmpty(systemId) || systemId.Length > MaxSystemIdLength)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"name the calling system in the '{SystemHeader}' header"));
        }

        var unit = context.RequestHeaders.GetValue(UnitHeader)?.Trim();
        return unit is not null && Adapters.Validation.Formats.UnitCode.Check(unit) is null
            ? new Caller(systemId) { UnitCode = unit, RegionCode = unit[..Adapters.Validation.Formats.RegionCode.Length] }
            : new Caller(systemId);
    }
}
