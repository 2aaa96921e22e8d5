using Exchange.Adapters.Results;
using Exchange.Silo.Records;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Exchange.Hub.Errors;

/// <summary>Builds gRPC errors with google.rpc.BadRequest field violations, as clients of Google APIs expect.</summary>
internal static class RpcErrors
{
    public static RpcException FromIssues(IReadOnlyList<Issue> issues) => StatusOf(issues).ToRpcException();

    /// <summary>The google.rpc.Status of the issues: the first issue's code, and every issue as a BadRequest field violation.</summary>
    public static Google.Rpc.Status StatusOf(IReadOnlyList<Issue> issues)
    {
        var code = IssueCodeMap.ToGrpc(issues[0].Code);
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(issues.Select(issue => new BadRequest.Types.FieldViolation
        {
            Field = issue.Field,
            Description = issue.Message,
            Reason = issue.ReasonOrDefault,
        }));
        var message = issues.Count == 1 ? $"{issues[0].Field}: {issues[0].Message}" : $"{issues.Count} problems, first: {issues[0].Field}: {issues[0].Message}";
        return new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(badRequest) },
        };
    }

    /// <summary>The value, or the call fails with the result's issues.</summary>
    public static T ValueOrThrow<T>(this Result<T> result) => result.Succeeded ? result.Value : throw FromIssues(result.Issues);

    /// <summary>The outcome of a write that succeeded, or the call fails with its issues.</summary>
    public static PersonWriteOutcome ThrowIfFailed(this PersonWriteOutcome outcome) => outcome.Succeeded ? outcome : throw FromIssues(outcome.Issues);

    public static RpcException Invalid(string field, string message) => FromIssues([Issue.Invalid(field, message)]);

    public static RpcException NotFound(string what) => new(new global::Grpc.Core.Status(StatusCode.NotFound, what));
}
