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
    private const int MaxSystemIdLength = 64;

    public Caller Resolve(ServerCallContext context)
    {
        var systemId = context.RequestHeaders.GetValue(SystemHeader)?.Trim();
        if (string.IsNullOrEmpty(systemId) || systemId.Length > MaxSystemIdLength)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"name the calling system in the '{SystemHeader}' header"));
        }

        return new Caller(systemId);
    }
}
