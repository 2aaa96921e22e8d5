namespace Exchange.Adapters.Model;

/// <summary>One system's report of a vaccination event.</summary>
/// <param name="CodeMapVersion">The source's code map version that translated the report (<c>{source}@{version}</c>); null when the source had no map.</param>
public sealed record EventSource(string SourceSystem, string? SourceRecordId, DateTimeOffset ReceivedAt, string? CodeMapVersion = null);
