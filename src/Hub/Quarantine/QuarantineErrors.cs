using Exchange.Adapters.Results;
using Exchange.Hub.Errors;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Exchange.Hub.Quarantine;

/// <summary>The error a sender gets for a quarantined input: the field violations plus an ErrorInfo carrying the quarantine id.</summary>
internal static class QuarantineErrors
{
    /// <summary>ErrorInfo.reason of a quarantined input.</summary>
    public const string Reason = "QUARANTINED";

    /// <summary>ErrorInfo.domain of the hub's errors.</summary>
    public const string Domain = "exchange.v1";

    /// <summary>ErrorInfo.metadata key of the quarantine id.</summary>
    public const string IdKey = "quarantine_id";

    public static RpcException Quarantined(IReadOnlyList<Issue> issues, string quarantineId)
    {
        var status = RpcErrors.StatusOf(issues);
        status.Message += $" (quarantined as {quarantineId})";
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = Reason, Domain = Domain, Metadata = { [IdKey] = quarantineId } }));
        return status.ToRpcException();
    }
}
