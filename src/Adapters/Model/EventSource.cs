namespace Exchange.Adapters.Model;

/// <summary>One system's report of a vaccination event.</summary>
public sealed record EventSource(string SourceSystem, string? SourceRecordId, DateTimeOffset ReceivedAt);
