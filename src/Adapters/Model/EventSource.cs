namespace Exchange.Adapters.Model;

/// <summary>One system's report of a vaccination event.</summary>
/// <param name="SourceSystem">The reporting system, from its credentials.</param>
/// <param name="SourceUnit">The reporting system's own unit code, from its credentials (null for records from before credentials).</param>
public sealed record EventSource(string SourceSystem, string? SourceRecordId, DateTimeOffset ReceivedAt, string? SourceUnit = null);
