namespace Exchange.Hub.Grpc;

/// <summary>Log messages of the gRPC edge. Hub ids and counts only: never names or ID numbers.</summary>
internal static partial class HubLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "{System} registered {HubId} (created: {Created}, doses: {Doses})")]
    public static partial void Registered(ILogger logger, string system, string hubId, bool created, int doses);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Bulk upload from {System} ended: {Accepted} accepted, {Duplicates} duplicate, {Rejected} rejected")]
    public static partial void BulkUploadEnded(ILogger logger, string system, long accepted, long duplicates, long rejected);
}
