namespace Exchange.Hub.Quarantine;

/// <summary>Quarantine log lines: ids, operations and reason codes only, never payload content.</summary>
internal static partial class QuarantineLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Quarantined {Operation} from {SourceSystem} as {QuarantineId} ({Reason}); already held: {AlreadyHeld}")]
    public static partial void Held(ILogger logger, string sourceSystem, string operation, string quarantineId, string reason, bool alreadyHeld);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Resubmitted {QuarantineId}: accepted {Accepted}, hub id {HubId}, map {MapVersion}")]
    public static partial void Resubmitted(ILogger logger, string quarantineId, bool accepted, string? hubId, string? mapVersion);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Published code map {Label} with {EntryCount} entries")]
    public static partial void Published(ILogger logger, string label, int entryCount);
}
