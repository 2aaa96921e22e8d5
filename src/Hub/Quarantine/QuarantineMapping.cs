using Exchange.Adapters.Normalization;
using Exchange.Silo.Quarantine;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Quarantine;

/// <summary>Quarantine store values to wire messages.</summary>
internal static class QuarantineMapping
{
    public static V1.QuarantinedItem ToProto(this QuarantinedItem item)
    {
        var proto = new V1.QuarantinedItem
        {
            Id = item.Id,
            SourceSystem = item.SourceSystem,
            Operation = item.Operation,
            ClientMessageId = item.ClientMessageId,
            ReceivedAt = CanonicalDates.Format(item.ReceivedAt),
            Status = item.Status.ToProto(),
            DiscardReason = item.DiscardReason ?? string.Empty,
            ReceiveCount = item.ReceiveCount,
            UpdatedAt = CanonicalDates.Format(item.UpdatedAt),
            Resolution = item.Resolution?.ToProto(),
        };
        proto.Reasons.AddRange(item.Issues.Select(issue => new V1.QuarantineReason { Code = issue.ReasonOrDefault, Field = issue.Field, Message = issue.Message }));
        return proto;
    }

    public static V1.QuarantineResolution ToProto(this QuarantineResolution resolution) => new()
    {
        HubId = resolution.HubId,
        ResolvedAt = CanonicalDates.Format(resolution.ResolvedAt),
        CodeMapVersion = resolution.CodeMapVersion ?? string.Empty,
        ResolvedBy = resolution.ResolvedBy,
    };

    // Wire values of QuarantineStatus equal the store's by design.
    public static V1.QuarantineStatus ToProto(this QuarantineStatus status) => (V1.QuarantineStatus)(int)status;

    public static QuarantineStatus? ToModel(this V1.QuarantineStatus status) =>
        Enum.IsDefined((QuarantineStatus)(int)status) ? (QuarantineStatus)(int)status : null;
}
