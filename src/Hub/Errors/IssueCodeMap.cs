using Exchange.Adapters.Results;
using Grpc.Core;

namespace Exchange.Hub.Errors;

/// <summary>The one table from issue codes to each edge's status.</summary>
internal static class IssueCodeMap
{
    public static StatusCode ToGrpc(IssueCode code) => code switch
    {
        IssueCode.Invalid => StatusCode.InvalidArgument,
        IssueCode.NotFound => StatusCode.NotFound,
        // A conflict here is a state of the stored records (e.g. identifiers of two children), not a duplicate.
        IssueCode.Conflict => StatusCode.FailedPrecondition,
        IssueCode.Forbidden => StatusCode.PermissionDenied,
        IssueCode.Transient => StatusCode.Unavailable,
        _ => StatusCode.Internal,
    };

    /// <summary>HTTP status of the FHIR endpoint for an issue code.</summary>
    public static int ToHttp(IssueCode code) => code switch
    {
        IssueCode.Invalid => StatusCodes.Status400BadRequest,
        IssueCode.NotFound => StatusCodes.Status404NotFound,
        IssueCode.Conflict => StatusCodes.Status409Conflict,
        IssueCode.Forbidden => StatusCodes.Status403Forbidden,
        IssueCode.Transient => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>FHIR OperationOutcome issue type for an issue code.</summary>
    public static Hl7.Fhir.Model.OperationOutcome.IssueType ToFhir(IssueCode code) => code switch
    {
        IssueCode.Invalid => Hl7.Fhir.Model.OperationOutcome.IssueType.Invalid,
        IssueCode.NotFound => Hl7.Fhir.Model.OperationOutcome.IssueType.NotFound,
        IssueCode.Conflict => Hl7.Fhir.Model.OperationOutcome.IssueType.Conflict,
        IssueCode.Forbidden => Hl7.Fhir.Model.OperationOutcome.IssueType.Forbidden,
        IssueCode.Transient => Hl7.Fhir.Model.OperationOutcome.IssueType.Transient,
        _ => Hl7.Fhir.Model.OperationOutcome.IssueType.Exception,
    };
}
