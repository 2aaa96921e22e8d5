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
/// Names the caller the authentication handler found for the request's credentials (<see cref="Caller.Of"/>); nothing
/// the caller says about itself in headers is trusted.
/// </summary>
internal sealed class ClaimsCallerResolver : ICallerResolver
{
    public Caller Resolve(ServerCallContext context) =>
        Resolve(context.GetHttpContext())
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "authentication required: send 'Authorization: Bearer <api key>'"));

    public Caller? Resolve(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.Features.Get<Caller>() : null;
}
