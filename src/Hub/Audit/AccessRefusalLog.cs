using System.Globalization;
using Exchange.Hub.Callers;
using Exchange.Silo.Audit;
using Grpc.Core;

namespace Exchange.Hub.Audit;

/// <summary>
/// Logs the exchanges that authentication or authorization refused before any endpoint ran (no credentials, a bad
/// key, a role that may not call the endpoint): they never reach the gRPC interceptor or the FHIR filter, and an
/// auditor must still see them. Placed between authentication (so a known caller is named) and authorization.
/// </summary>
internal sealed class AccessRefusalLog(RequestDelegate next, IExchangeRecorder recorder, ICallerResolver callers, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        await next(context);
        var grpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

        // Refusals answer gRPC callers as trailers-only responses (HTTP 200, grpc-status 16 or 7), HTTP callers 401/403.
        var status = grpc ? GrpcRefusal(context.Response) : context.Response.StatusCode;
        if (status is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden) || context.Features.Get<ExchangeCall>() is not null
            || (grpc && !ExchangeOperations.IsAudited(context.Request.Path)))
        {
            return;
        }

        var operation = grpc ? ExchangeOperations.Name(context.Request.Path) : HttpOperation(context.Request);
        var statusName = grpc
            ? ExchangeOperations.StatusName(status == StatusCodes.Status401Unauthorized ? StatusCode.Unauthenticated : StatusCode.PermissionDenied)
            : status.ToString(CultureInfo.InvariantCulture);
        // A gRPC request body is not read before the refusal; an HTTP path may name the record aimed at.
        TouchedPerson[] persons = !grpc && AddressedPerson.HubIdOf(context.Request) is { } hubId ? [new TouchedPerson(hubId, string.Empty)] : [];
        var entry = new ExchangeEntry(
            time.GetUtcNow(), grpc ? ExchangeOperations.Grpc : HttpExchangeLog.Fhir, operation,
            grpc ? ExchangeOperations.KindOf(operation) : ExchangeKind.Other, ExchangeCall.Describe(callers.Resolve(context)), persons, string.Empty,
            ExchangeOutcome.Rejected, statusName, ItemCounts.None, (long)time.GetElapsedTime(started).TotalMilliseconds);
        try
        {
            await recorder.RecordAsync(entry, CancellationToken.None);
        }
        catch (ExchangeLogUnavailableException)
        {
            // The call was refused either way; the refusal stands even when it cannot be logged.
        }
    }

    private static int GrpcRefusal(HttpResponse response) => response.Headers["grpc-status"].ToString() switch
    {
        "16" => StatusCodes.Status401Unauthorized,
        "7" => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status200OK,
    };

    /// <summary>Method and the first two path segments only: a query string or later segments may carry anything.</summary>
    private static string HttpOperation(HttpRequest request)
    {
        var segments = (request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).Take(2);
        return $"{request.Method} /{string.Join('/', segments)}";
    }
}
