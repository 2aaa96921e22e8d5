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
}
