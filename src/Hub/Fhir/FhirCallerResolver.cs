using Exchange.Hub.Callers;
using Exchange.Hub.Fhir.Errors;
using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir;

/// <summary>Names the system calling the FHIR endpoint, or refuses the request with a 401 OperationOutcome.</summary>
internal interface IFhirCallerResolver
{
    (Caller? Caller, FhirError? Error) Resolve(HttpContext context);
}

/// <summary>
/// The one seam that names the system calling the FHIR endpoint. For now the caller names itself in the
/// <c>x-exchange-system</c> header, as on the gRPC side; the access-control work replaces this with the
/// authenticated principal.
/// </summary>
internal sealed class FhirCallerResolver : IFhirCallerResolver
{
    private const int MaxSystemIdLength = 64;


    /// <summary>The caller, or a 401 error when the request does not name one.</summary>
    public (Caller? Caller, FhirError? Error) Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var systemId = context.Request.Headers[HeaderCallerResolver.SystemHeader].ToString().Trim();
        return systemId.Length is 0 or > MaxSystemIdLength
            ? (null, new FhirError(StatusCodes.Status401Unauthorized, [new FhirIssue(
                OperationOutcome.IssueType.Login, $"name the calling system in the '{HeaderCallerResolver.SystemHeader}' header", null)]))
            : (new Caller(systemId), null);
    }
}
