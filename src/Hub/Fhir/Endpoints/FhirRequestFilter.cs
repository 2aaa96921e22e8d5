using Exchange.Hub.Audit;
using Exchange.Hub.Callers;
using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.Http;
using Exchange.Silo.Audit;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Endpoints;

/// <summary>
/// Runs before every FHIR interaction except metadata: the response format (406), the caller (401), and the one
/// place an unexpected failure becomes a 500 OperationOutcome without details.
/// </summary>
internal sealed class FhirRequestFilter(IFhirCallerResolver callers, ILogger<FhirRequestFilter> logger) : IEndpointFilter
{
    private const string CallerKey = "exchange.fhir.caller";

    public static Caller CallerOf(HttpContext context) => (Caller)context.Items[CallerKey]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (NotAcceptable(http.Request) is { } refused)
        {
            return refused;
        }

        var (caller, error) = callers.Resolve(http);
        if (error is not null)
        {
            return FhirResult.Error(error);
        }

        http.Items[CallerKey] = caller;
        var exchange = http.Exchange().From(caller!);
        if (AddressedPerson.HubIdOf(http.Request) is { } hubId)
        {
            exchange.Touched(hubId);
        }

        try
        {
            return await next(context);
        }
        catch (ExchangeLogUnavailableException)
        {
            return FhirResult.Error(new FhirError(StatusCodes.Status503ServiceUnavailable, [new FhirIssue(
                OperationOutcome.IssueType.Transient, "the exchange could not be recorded in the exchange log; nothing is acknowledged, retry it", null)]));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            FhirLog.Unexpected(logger, exception, http.Request.Method, http.Request.Path);
            return FhirResult.Error(new FhirError(StatusCodes.Status500InternalServerError, [new FhirIssue(
                OperationOutcome.IssueType.Exception, "the hub could not complete the request; nothing is reported as written, retry it", null)]));
        }
    }

    public static FhirResult? NotAcceptable(HttpRequest request) => FhirContent.AcceptsJson(request)
        ? null
        : FhirResult.Error(FhirError.NotSupported(StatusCodes.Status406NotAcceptable, null, $"the hub answers in {FhirContent.FhirJson} only"));
}
