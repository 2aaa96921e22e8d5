using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Exchange.Hub.Access;

/// <summary>
/// Answers a refused call in the caller's protocol: a gRPC call gets UNAUTHENTICATED or PERMISSION_DENIED as a
/// trailers-only response with a message saying why; a FHIR call gets 401/403 with an OperationOutcome; any other
/// HTTP call gets the plain 401/403.
/// </summary>
internal sealed class AccessDeniedResponses : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }

        var unauthenticated = context.User.Identity?.IsAuthenticated != true;
        var message = unauthenticated ? await WhyUnauthenticatedAsync(context) : WhyForbidden(context);
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            WriteGrpcStatus(context, unauthenticated ? StatusCode.Unauthenticated : StatusCode.PermissionDenied, message);
            return;
        }

        if (context.Request.Path.StartsWithSegments("/fhir", StringComparison.OrdinalIgnoreCase))
        {
            await WriteOperationOutcomeAsync(context, unauthenticated, message);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    // The handler remembers its result for the request, so asking again does not verify the credentials twice.
    private static async Task<string> WhyUnauthenticatedAsync(HttpContext context) =>
        (await context.AuthenticateAsync(ExchangeAuthentication.Scheme)).Failure is { } failure
            ? $"the credentials were refused: {failure.Message}"
            : "authentication required: send 'Authorization: Bearer <api key>' or a client certificate bound to your system";

    private static string WhyForbidden(HttpContext context)
    {
        var role = context.User.FindFirst(ExchangeClaims.Role)?.Value ?? "unknown";
        return $"a system with role {role} may not call {context.Request.Path}";
    }

    private static void WriteGrpcStatus(HttpContext context, StatusCode code, string message)
    {
        // A trailers-only gRPC response: HTTP 200 whose headers carry the status (gRPC over HTTP/2 protocol spec).
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        if (code == StatusCode.Unauthenticated)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }
    }

    private static async Task WriteOperationOutcomeAsync(HttpContext context, bool unauthenticated, string message)
    {
        context.Response.StatusCode = unauthenticated ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        if (unauthenticated)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        context.Response.ContentType = "application/fhir+json";
        var outcome = new
        {
            resourceType = "OperationOutcome",
            issue = new[] { new { severity = "error", code = unauthenticated ? "login" : "forbidden", diagnostics = message } },
        };
        await JsonSerializer.SerializeAsync(context.Response.Body, outcome, cancellationToken: context.RequestAborted);
    }
}
