using Exchange.Hub.Callers;
using Exchange.Hub.Fhir.Errors;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir;

/// <summary>Names the system calling the FHIR endpoint, or refuses the request with a 401 OperationOutcome.</summary>
internal interface IFhirCallerResolver
{
    (Caller? Caller, FhirError? Error) Resolve(HttpContext context);
}

/// <summary>The authenticated system of the request (API key or client certificate), as on the gRPC side.</summary>
internal sealed class FhirCallerResolver(ICallerResolver callers) : IFhirCallerResolver
{
    /// <summary>The caller, or a 401 error when the request carries no accepted credentials.</summary>
    public (Caller? Caller, FhirError? Error) Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return callers.Resolve(context) is { } caller
            ? (caller, null)
            : (null, new FhirError(StatusCodes.Status401Unauthorized, [new FhirIssue(
                OperationOutcome.IssueType.Login, "authentication required: send 'Authorization: Bearer <api key>'", null)]));
    }
}
