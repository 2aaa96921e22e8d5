namespace Exchange.Adapters.Model;

/// <summary>One system's report of a vaccination event.</summary>
/// <param name="SourceSystem">The reporting system, from its credentials.</param>
/// <param name="CodeMapVersion">The source's code map version that translated the report (<c>{source}@{version}</c>); null when the source had no map.</param>
/// <param name="SourceUnit">The reporting system's own unit code, from its credentials (null for records from before credentials).</param>
public sealed record EventSource(string SourceSystem, string? SourceRecordId, DateTimeOffset ReceivedAt, string? CodeMapVersion = null, string? SourceUnit = null);
